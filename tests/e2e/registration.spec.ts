// Registration in a browser with JavaScript (SPEC §2–§4, §7, §8): the happy path up to the
// activation email, the live checks, and the server's answers to bad input.
import type { Locator } from '@playwright/test';
import { newPerson, uniquePesel, withBadChecksum } from '../helpers/people';
import { expect, test } from './fixtures';
import { expectFieldError } from './support/forms';
import { expectActivationLinks } from './support/mailbox';
import { SENT_HEADING, SUMMARY_HEADING } from './support/words';

test.describe('registration with JavaScript', () => {
  test('a patient goes from the login page to "check your email" and gets an activation link', async ({
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

    // Conditional fields stay hidden until they are needed.
    await expect(form.birthDate).toHaveCount(0);
    await expect(form.consentEmail).toHaveCount(0);
    await expect(form.consentSms).toHaveCount(0);
    await expect(form.consentDataProcessing).toBeVisible();

    await form.fillPerson({ ...person, email: '', phone: '' });
    await expect(form.birthDate).toHaveCount(0);

    await form.email.fill(person.email);
    await expect(form.consentEmail).toBeVisible();
    await expect(form.consentSms).toHaveCount(0);

    await form.phone.fill('BRAK');
    await expect(form.consentSms).toHaveCount(0);
    await form.phone.fill(person.phone);
    await expect(form.consentSms).toBeVisible();

    await form.solveCaptcha();
    await form.giveConsents(person);
    await form.submit.click();

    await expect(page).toHaveURL(/\/register\/sent$/);
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();

    const links = await mailbox.openActivationEmail(person.email);
    await expect(mailbox.recipient()).toHaveText(person.email);
    await expectActivationLinks(links, baseURL!);
  });

  test('a patient who answers BRAK for the phone is not asked for SMS consent and still registers', async ({
    page,
    registerPage: form,
  }) => {
    const person = newPerson({ phone: 'brak', street: '', flatNumber: '' });
    await form.goto();
    await form.fillPerson(person);
    await expect(form.consentSms).toHaveCount(0);
    await form.solveCaptcha();
    await form.giveConsents(person);
    await form.submit.click();
    await expect(page).toHaveURL(/\/register\/sent$/);
  });
});

test.describe('a landline number', () => {
  test('is not asked for the SMS consent, the phone field says why, and the patient registers', async ({ page, registerPage: form }) => {
    const person = newPerson({ phone: '81 531 51 00' });
    await form.goto();
    await form.fillPerson(person);
    // The rules (with the phone numbering plans) load on the first focus; then the box goes.
    await expect(form.phone).toHaveAccessibleDescription(/To numer stacjonarny: nie wysyłamy na niego SMS/);
    await expect(form.consentSms).toHaveCount(0);

    await form.phone.fill('600 100 200');
    await expect(form.consentSms).toBeVisible();
    await expect(form.phone).not.toHaveAccessibleDescription(/stacjonarny/);

    await form.phone.fill(person.phone);
    await expect(form.consentSms).toHaveCount(0);
    await form.solveCaptcha();
    await form.consentDataProcessing.check();
    await form.consentEmail.check();
    await form.submit.click();
    await expect(page).toHaveURL(/\/register\/sent$/);
  });
});

test.describe('live checks while typing', () => {
  test('a PESEL with a wrong check digit shows an error without submitting', async ({ page, registerPage: form }) => {
    await form.goto();
    const submissions: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') submissions.push(r.url());
    });

    await form.pesel.pressSequentially(withBadChecksum(uniquePesel().pesel));

    await expectFieldError(form.pesel, 'Ten numer PESEL jest niepoprawny (błędna cyfra kontrolna).');
    await expect(form.errorOf('pesel')).toBeVisible();
    await expect(form.errorSummary).toHaveCount(0);
    expect(submissions).toEqual([]);
    await expect(page).toHaveURL(/\/register$/);
  });

  test('a valid PESEL shows no error', async ({ registerPage: form }) => {
    await form.goto();
    await form.pesel.pressSequentially(uniquePesel().pesel);
    await form.firstName.focus();
    await expect(form.pesel).not.toHaveAttribute('aria-invalid', 'true');
    await expect(form.errorOf('pesel')).toHaveCount(0);
  });

  test('a login shorter than 8 characters shows a warning that mentions 8', async ({ registerPage: form }) => {
    await form.goto();
    await form.login.pressSequentially('abcde');

    const warning = form.page.locator('#field-login-warning');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('8');
    await expect(warning).toContainText('5');
    await expect(form.login).toHaveAccessibleDescription(/co najmniej 8/);

    await form.login.pressSequentially('fgh');
    await expect(warning).toHaveCount(0);
  });

  test('typing BRAK into PESEL reveals the birth date field, and removing it hides the field again', async ({ registerPage: form }) => {
    await form.goto();
    await expect(form.birthDate).toHaveCount(0);

    await form.pesel.pressSequentially('brak');
    await expect(form.birthDate).toBeVisible();
    await expect(form.birthDate).toHaveAttribute('type', 'date');
    await expect(form.birthDate).toHaveAttribute('required', '');

    await form.pesel.fill('');
    await expect(form.birthDate).toHaveCount(0);
  });
});

test.describe('server-side validation', () => {
  test('an invalid submission shows a focused error summary, field errors linked to their fields, and keeps the input', async ({
    page,
    registerPage: form,
  }) => {
    await form.goto();
    const badPesel = withBadChecksum(uniquePesel().pesel);
    await form.pesel.fill(badPesel);
    await form.firstName.fill('Zofia');
    await form.lastName.fill('Nowakowska');
    await form.login.fill('abc');
    await form.email.fill('not-an-email');
    await form.phone.fill('123');
    await form.postalCode.fill('21010');
    await form.submit.click();

    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary).toBeFocused();
    await expect(form.errorSummary.getByRole('heading', { name: SUMMARY_HEADING })).toBeVisible();

    // Each failing field is marked and described by its message; the summary lists it too.
    const expected: Array<[Locator, string, string]> = [
      [form.pesel, 'pesel', 'Ten numer PESEL jest niepoprawny (błędna cyfra kontrolna).'],
      [form.login, 'login', 'Login musi mieć co najmniej 8 znaków.'],
      [form.email, 'email', 'Podaj poprawny adres email, np. jan.kowalski@example.pl.'],
      [form.phone, 'phone', 'Podaj numer telefonu'],
      [form.houseNumber, 'houseNumber', 'To pole jest wymagane.'],
      [form.city, 'city', 'To pole jest wymagane.'],
      [form.captcha, 'captchaAnswer', 'To pole jest wymagane.'],
      [form.consentDataProcessing, 'consentDataProcessing', 'Zgoda na przetwarzanie danych osobowych jest wymagana.'],
    ];
    for (const [field, name, message] of expected) {
      await expectFieldError(field, message);
      await expect(form.errorOf(name)).toContainText(message);
      await expect(field).toHaveAttribute('aria-describedby', new RegExp(`(^| )field-${name}-error( |$)`));
      await expect(form.errorSummary.locator(`a[href="#field-${name}"]`)).toContainText(message);
    }
    // Valid fields carry no error.
    for (const field of [form.firstName, form.lastName, form.postalCode]) {
      await expect(field).not.toHaveAttribute('aria-invalid', 'true');
    }

    // What was typed is still there.
    await expect(form.pesel).toHaveValue(badPesel);
    await expect(form.firstName).toHaveValue('Zofia');
    await expect(form.lastName).toHaveValue('Nowakowska');
    await expect(form.login).toHaveValue('abc');
    await expect(form.email).toHaveValue('not-an-email');
    await expect(form.phone).toHaveValue('123');
    await expect(form.postalCode).toHaveValue('21010');
    await expect(page).toHaveURL(/\/register$/);

    // A link in the summary takes the patient to the field.
    await form.errorSummary.locator('a[href="#field-login"]').click();
    await expect(form.login).toBeFocused();
  });

  test('a wrong captcha answer gives a captcha error and a new question, and the corrected form registers', async ({
    page,
    registerPage: form,
  }) => {
    const person = newPerson();
    await form.goto();
    await form.fillPerson(person);
    const firstToken = await form.captchaToken.inputValue();
    const answer = await form.solveCaptcha();
    await form.captcha.fill(String(answer + 1));
    await form.giveConsents(person);
    await form.submit.click();

    await expect(form.errorSummary).toBeFocused();
    await expectFieldError(form.captcha, 'Błędny wynik działania. Rozwiąż nowe działanie.');
    await expect(form.captchaToken).not.toHaveValue(firstToken);
    await expect(form.captcha).toHaveValue('');
    expect(await form.question()).toMatch(/^\d{1,2} [+−] \d{1,2}$/);
    // Only the captcha was wrong.
    await expect(form.page.locator('[aria-invalid="true"]')).toHaveCount(1);
    await expect(form.login).toHaveValue(person.login);
    await expect(form.email).toHaveValue(person.email);
    await expect(form.consentDataProcessing).toBeChecked();

    await form.solveCaptcha();
    await form.submit.click();
    await expect(page).toHaveURL(/\/register\/sent$/);
  });

  test('a login that is already taken is a field error on Login, not a conflict', async ({ page, registerPage: form }) => {
    await form.goto();
    await form.register(newPerson({ login: 'ANNA.NOWAK' }));

    await expect(form.errorSummary).toBeFocused();
    await expectFieldError(form.login, 'Ten login jest już zajęty. Wybierz inny.');
    await expect(form.conflict).toHaveCount(0);
    await expect(page).toHaveURL(/\/register$/);
  });
});
