// Registration without JavaScript (SPEC §13): the form is a plain POST, every conditional field
// is rendered, and the server alone decides.
import { newPerson } from '../helpers/people';
import { expect, test } from './fixtures';
import { expectFieldError } from './support/forms';
import { expectActivationLinks } from './support/mailbox';
import { SENT_HEADING, SUMMARY_HEADING } from './support/words';

test.use({ javaScriptEnabled: false });

test.describe('registration without JavaScript', () => {
  test('every conditional field is rendered from the start', async ({ registerPage: form }) => {
    await form.goto();
    await expect(form.birthDate).toBeVisible();
    await expect(form.birthDate).not.toHaveAttribute('required', /.*/);
    await expect(form.consentDataProcessing).toBeVisible();
    await expect(form.consentEmail).toBeVisible();
    await expect(form.consentSms).toBeVisible();
    await expect(form.captcha).toBeVisible();
  });

  test('a patient registers with a plain form post, lands on "check your email" and gets the email', async ({
    baseURL,
    page,
    registerPage: form,
    mailbox,
  }) => {
    const person = newPerson();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Załóż konto' }).click();
    await expect(page).toHaveURL(/\/register$/);
    await form.ready();

    await form.register(person);

    await expect(page).toHaveURL(/\/register\/sent$/);
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();

    const links = await mailbox.openActivationEmail(person.email);
    await expect(mailbox.recipient()).toHaveText(person.email);
    await expectActivationLinks(links, baseURL!);
  });

  test('the SMS consent says it is only for a mobile, and a landline registers without it', async ({ page, registerPage: form }) => {
    const person = newPerson({ phone: '81 531 51 00' });
    await form.goto();
    await expect(form.consentSms).toHaveAccessibleDescription(/Dotyczy tylko numeru komórkowego/);
    await form.fillPerson(person);
    await form.solveCaptcha();
    await form.consentDataProcessing.check();
    await form.consentEmail.check();
    await form.submit.click();
    await expect(page).toHaveURL(/\/register\/sent$/);
  });

  test('a patient without PESEL registers with a birth date', async ({ page, registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ pesel: 'BRAK', birthDate: '1961-02-28' }));
    await expect(page).toHaveURL(/\/register\/sent$/);
  });

  test('server errors are listed in the summary, shown at the fields, and the input is kept', async ({ page, registerPage: form }) => {
    const person = newPerson({ pesel: 'BRAK', email: 'zly-adres' });
    await form.goto();
    await form.fillPerson({ ...person, birthDate: '' });
    await form.solveCaptcha();
    await form.consentDataProcessing.check();
    // The browser checks type=email itself; post the form as a client without validation would.
    await form.form.evaluate((f) => f.setAttribute('novalidate', ''));
    await form.submit.click();

    await expect(page).toHaveURL(/\/register$/);
    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary.getByRole('heading', { name: SUMMARY_HEADING })).toBeVisible();
    await expectFieldError(form.birthDate, 'To pole jest wymagane.');
    await expectFieldError(form.email, 'Podaj poprawny adres email');
    await expectFieldError(form.consentEmail, 'Zgoda na powiadomienia email jest wymagana');
    await expectFieldError(form.consentSms, 'Zgoda na powiadomienia SMS jest wymagana');
    await expect(form.pesel).toHaveValue('BRAK');
    await expect(form.lastName).toHaveValue(person.lastName);
    await expect(form.login).toHaveValue(person.login);
    await expect(form.email).toHaveValue('zly-adres');
    await expect(form.consentDataProcessing).toBeChecked();
  });
});
