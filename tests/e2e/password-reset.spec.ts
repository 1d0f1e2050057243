// "Nie pamiętam hasła" (SPEC §9): a link by email, the same password form, the new password
// works and the old one does not; the answer never tells whether an account exists.
import { strongPassword, uniqueSuffix, type Person } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountPage } from './pages/account-page';
import { LinkRequestPage } from './pages/link-request-page';
import { PasswordPage } from './pages/password-page';
import { PasswordSetPage } from './pages/password-set-page';
import { RESET_HREF } from './support/links';
import { activationLinkFor, type DevMailbox } from './support/mailbox';
import { registerAndActivate, registerPerson, signInPatient } from './support/patients';
import { RESET_SUBJECT, SIGN_IN_MESSAGES } from './support/words';

function resetLinkFor(mailbox: DevMailbox, person: Person, excluding: string[] = []): Promise<string> {
  return mailbox.latestLink(person.email, RESET_SUBJECT, RESET_HREF, excluding);
}

test.describe('password reset', () => {
  test('a patient who forgot the password gets a link, sets a new password, and only the new one signs in', async ({
    page,
    mailbox,
    loginPage,
    passwordPage,
    accountPage,
  }) => {
    const { person, password: oldPassword } = await registerAndActivate(page);

    await loginPage.goto();
    await loginPage.forgotLink.click();
    await expect(page).toHaveURL(/\/password\/forgot$/);
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.request(person.login);

    const href = await resetLinkFor(mailbox, person);
    await passwordPage.open(href);
    await expect(passwordPage.heading).toHaveText('Ustaw nowe hasło');

    await passwordPage.setPassword('kbtrwyp');
    await passwordPage.expectRefused(['minLength', 'upper', 'digit', 'special']);

    const newPassword = strongPassword();
    await passwordPage.setPassword(newPassword);
    const done = new PasswordSetPage(page);
    await done.expectShown(true);
    await done.ok.click();
    await expect(page).toHaveURL(/\/login(\?.*)?$/);

    await loginPage.signIn(person.login, oldPassword);
    await expect(loginPage.error).toHaveText(SIGN_IN_MESSAGES.failed);
    await loginPage.signIn(person.login, newPassword);
    await accountPage.expectShown();

    // The link was spent.
    await page.goto(href);
    await passwordPage.expectDeadLink('used', 'password_reset');
  });

  test('asking for an unknown login or address gives the same answer as a real account and sends nothing', async ({ page, mailbox }) => {
    const { person } = await registerAndActivate(page);
    const forgot = new LinkRequestPage(page, 'forgot');

    await forgot.goto();
    const unknownAddress = `nikt.${uniqueSuffix()}@example.pl`;
    const forUnknownAddress = await forgot.request(unknownAddress);
    await forgot.goto();
    const forUnknownLogin = await forgot.request(`nikt.${uniqueSuffix()}`);
    await forgot.goto();
    const forReal = await forgot.request(person.email.toUpperCase());

    expect(forUnknownAddress).toBe(forReal);
    expect(forUnknownLogin).toBe(forReal);
    // The real account's link arrives (found by its address in another case); nothing else does.
    await resetLinkFor(mailbox, person);
    await expect(await mailbox.messagesTo(unknownAddress)).toHaveCount(0);
  });

  test('an account still waiting for activation gets no reset link, with the same answer', async ({ page, mailbox }) => {
    const pending = await registerPerson(page);
    const { person: active } = await registerAndActivate(page);
    const forgot = new LinkRequestPage(page, 'forgot');

    await forgot.goto();
    const forPending = await forgot.request(pending.login);
    await forgot.goto();
    const forActive = await forgot.request(active.login);
    expect(forPending).toBe(forActive);

    // The active account's link, asked for last, arrives; the pending one never gets a reset link.
    await resetLinkFor(mailbox, active);
    await expect((await mailbox.messagesTo(pending.email)).filter({ hasText: RESET_SUBJECT })).toHaveCount(0);
  });

  test('a newer reset link replaces the older one', async ({ page, mailbox, passwordPage }) => {
    const { person } = await registerAndActivate(page);
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await forgot.request(person.login);
    const first = await resetLinkFor(mailbox, person);

    await forgot.goto();
    await forgot.request(person.email);
    const second = await resetLinkFor(mailbox, person, [first]);

    await page.goto(first);
    await passwordPage.expectDeadLink('superseded', 'password_reset');
    await passwordPage.open(second);
    await passwordPage.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown(true);
  });

  test('setting a new password ends the sessions signed in with the old one', async ({ page, newPage, mailbox, passwordPage }) => {
    const patient = await registerAndActivate(page);
    // The patient is signed in on another device.
    const elsewhere = await newPage();
    await signInPatient(elsewhere, patient);

    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await forgot.request(patient.person.login);
    await passwordPage.open(await resetLinkFor(mailbox, patient.person));
    await passwordPage.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown(true);

    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/login(\?.*)?$/);
    await expect(new AccountPage(elsewhere).heading).toHaveCount(0);
  });

  test('an activation link cannot be used as a reset link, nor the other way round', async ({ page, mailbox }) => {
    const pending = await registerPerson(page);
    const activation = await activationLinkFor(page, pending.email);
    const reset = new PasswordPage(page);
    await page.goto(activation.replace('/activate/', '/password/reset/'));
    await reset.expectDeadLink('unknown', 'password_reset');

    const { person } = await registerAndActivate(page);
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await forgot.request(person.login);
    const href = await resetLinkFor(mailbox, person);
    await page.goto(href.replace('/password/reset/', '/activate/'));
    await reset.expectDeadLink('unknown');
  });
});

test.describe('password reset without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the reset link is asked for with a plain form post and arrives', async ({ page, newPage, mailbox }) => {
    const { person } = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await page.goto('/login');
    await page.getByRole('link', { name: 'Nie pamiętam hasła' }).click();
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.request(person.login);
    expect(await resetLinkFor(mailbox, person)).toMatch(RESET_HREF);
  });

  // The token pages use referrer policy 'origin', so the plain form post carries our Origin.
  test('a new password is set with a plain form post', async ({ page, newPage, mailbox }) => {
    const { person } = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await forgot.request(person.login);
    const form = new PasswordPage(page, false);
    await form.open(await resetLinkFor(mailbox, person));
    const password = strongPassword();
    await form.setPassword(password);
    await new PasswordSetPage(page).expectShown(true);
    await signInPatient(page, { person, password });
  });
});
