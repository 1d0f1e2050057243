// Activation (SPEC §2.3–§2.4, §9): the emailed link, the password rules, the confirmation, the
// first sign-in as an unverified patient, and the pages for links that no longer work.
import { newPerson, strongPassword } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountPage } from './pages/account-page';
import { LinkRequestPage } from './pages/link-request-page';
import { LoginPage } from './pages/login-page';
import { PasswordPage } from './pages/password-page';
import { PasswordSetPage } from './pages/password-set-page';
import { RegisterPage } from './pages/register-page';
import { e2eDatabaseUrl, expireTokensOf } from './support/database';
import { escapeRegExp } from './support/forms';
import { unknownToken } from './support/links';
import { activationLinkFor } from './support/mailbox';
import { registerAndActivate, registerPerson } from './support/patients';
import { signOut } from './support/sign-out';
import { ACTIVATION_SUBJECT, DESK, PASSWORD_RULES, SENT_HEADING, SIGN_IN_MESSAGES } from './support/words';
import type { Page } from '@playwright/test';

test.describe('activation with JavaScript', () => {
  test('a new patient sets a password within the rules, confirms, signs in and sees an unverified account with the desk address', async ({
    page,
    registerPage,
    mailbox,
    passwordPage,
    loginPage,
    accountPage,
  }) => {
    const person = newPerson();
    await registerPage.goto();
    await registerPage.register(person);
    await expect(page).toHaveURL(/\/register\/sent$/);

    const links = await mailbox.openActivationEmail(person.email);
    const href = (await links.first().getAttribute('href'))!;
    await links.first().click();
    await expect(page).toHaveURL(href);
    await passwordPage.ready();
    await expect(passwordPage.heading).toHaveText('Ustaw hasło');

    // Every rule of the policy is listed on the page before anything is typed.
    await expect(passwordPage.rules).toHaveText(Object.values(PASSWORD_RULES).map((rule) => new RegExp(escapeRegExp(rule))));

    // The live checklist follows what is typed.
    await passwordPage.password.fill('abc');
    await expect(passwordPage.rules.filter({ hasText: PASSWORD_RULES.lower })).toContainText('✓');
    await expect(passwordPage.rules.filter({ hasText: PASSWORD_RULES.upper })).toContainText('✗');
    await expect(passwordPage.rules.filter({ hasText: PASSWORD_RULES.minLength })).toContainText('✗');

    // A weak password is refused with the rules it breaks, and nothing typed is kept.
    await passwordPage.setPassword('kbtrwyp');
    await passwordPage.expectRefused(['minLength', 'upper', 'digit', 'special']);
    await expect(passwordPage.refusal).toBeFocused();
    await expect(page).toHaveURL(href);

    // Two different passwords are refused for that reason alone.
    const password = strongPassword();
    await passwordPage.setPassword(password, `${password}x`);
    await passwordPage.expectRefused(['repeat']);

    // A well-known password dressed up with a capital, digits and a symbol is still refused.
    await passwordPage.setPassword('Haslo123!');
    await passwordPage.expectRefused(['notCommon']);

    // A password containing the login is refused although it is otherwise strong.
    await passwordPage.setPassword(`Ab1#${person.login}`);
    await passwordPage.expectRefused(['noLogin']);

    await passwordPage.setPassword(password);
    const done = new PasswordSetPage(page);
    await done.expectShown();
    await done.ok.click();
    await expect(page).toHaveURL(/\/login(\?.*)?$/);

    // Logins are case-insensitive.
    await loginPage.signIn(person.login.toUpperCase(), password);
    await accountPage.expectShown();
    await accountPage.expectUnverified();
    await expect(page.getByText(DESK.address)).toBeVisible();
    await expect(page.getByRole('main')).toContainText(person.lastName);
  });

  test('a used activation link shows that it was used and offers a new one', async ({ page, passwordPage }) => {
    const person = await registerPerson(page);
    const href = await activationLinkFor(page, person.email);
    await passwordPage.open(href);
    await passwordPage.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown();

    await page.goto(href);
    await passwordPage.expectDeadLink('used');
  });

  test('a link with a token that was never issued shows an invalid-link page', async ({ page, passwordPage }) => {
    await page.goto(`/activate/${unknownToken()}`);
    await passwordPage.expectDeadLink('unknown');
    // Garbage of any shape is just an unknown link, never an error page.
    await page.goto('/activate/%E2%9C%93%3Cscript%3E');
    await passwordPage.expectDeadLink('unknown');
    await page.goto(`/activate/${'x'.repeat(500)}`);
    await passwordPage.expectDeadLink('unknown');
  });

  test('an expired activation link shows that it expired, and a new link from the resend page works', async ({ page, passwordPage }) => {
    test.skip(!e2eDatabaseUrl, 'Expiring a link needs direct database access: set E2E_DATABASE_URL (CI always does).');
    const person = await registerPerson(page);
    const href = await activationLinkFor(page, person.email);
    expect(await expireTokensOf(person.login)).toBeGreaterThan(0);

    await page.goto(href);
    await passwordPage.expectDeadLink('expired');
    await page.getByRole('link', { name: 'Wyślij link aktywacyjny ponownie' }).click();
    const resend = new LinkRequestPage(page, 'resend');
    await expect(page).toHaveURL(/\/activate\/resend$/);
    await resend.request(person.email);

    const fresh = await activationLinkFor(page, person.email, [href]);
    await passwordPage.open(fresh);
    await passwordPage.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown();
  });

  test('asking for a new link from "check your email" replaces the old link, and only the new one works', async ({
    page,
    registerPage,
    passwordPage,
    loginPage,
    accountPage,
  }) => {
    const person = newPerson();
    await registerPage.goto();
    await registerPage.register(person);
    await expect(page.getByRole('heading', { level: 1, name: SENT_HEADING })).toBeVisible();
    const old = await activationLinkFor(page, person.email);

    await page.goto('/register/sent');
    await page.getByRole('link', { name: 'Wyślij link aktywacyjny ponownie' }).click();
    await expect(page).toHaveURL(/\/activate\/resend$/);
    const resend = new LinkRequestPage(page, 'resend');
    // The address typed in another case still finds the account.
    await resend.request(person.email.toUpperCase());

    const fresh = await activationLinkFor(page, person.email, [old]);
    await page.goto(old);
    await passwordPage.expectDeadLink('superseded');

    const password = strongPassword();
    await passwordPage.open(fresh);
    await passwordPage.setPassword(password);
    await new PasswordSetPage(page).expectShown();

    await loginPage.goto();
    await loginPage.signIn(person.login, password);
    await accountPage.expectShown();
  });

  test('the resend page answers the same for an unknown address and for an account that is already active, and sends neither a link', async ({
    page,
    newPage,
    mailbox,
  }) => {
    const { person } = await registerAndActivate(page);
    const pending = await registerPerson(await newPage());
    const pendingLink = await activationLinkFor(page, pending.email);
    const resend = new LinkRequestPage(page, 'resend');

    await resend.goto();
    const forActive = await resend.request(person.email);
    await resend.goto();
    const unknown = `nikt.${Date.now()}@example.pl`;
    const forUnknown = await resend.request(unknown);
    await resend.goto();
    const forPending = await resend.request(pending.email);
    expect(forUnknown).toBe(forActive);
    expect(forPending).toBe(forActive);

    // The links are queued after the answer; the pending account's new one, asked for last, is
    // the sign that the two earlier requests were handled too.
    await activationLinkFor(page, pending.email, [pendingLink]);
    await expect((await mailbox.messagesTo(person.email)).filter({ hasText: ACTIVATION_SUBJECT })).toHaveCount(1);
    await expect(await mailbox.messagesTo(unknown)).toHaveCount(0);
  });
});

test.describe('activation without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // The token pages use referrer policy 'origin', so the plain form post carries our Origin.
  test('a patient registers, sets a password, signs in, sees the account and signs out with plain form posts', async ({ page }) => {
    const person = newPerson();
    const form = new RegisterPage(page, false);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Załóż konto' }).click();
    await form.ready();
    await form.register(person);
    await expect(page).toHaveURL(/\/register\/sent$/);

    const passwordPage = new PasswordPage(page, false);
    await passwordPage.open(await activationLinkFor(page, person.email));
    await expect(passwordPage.showPassword).toHaveCount(0);

    await passwordPage.setPassword('kbtrwyp');
    await passwordPage.expectRefused(['minLength', 'upper', 'digit', 'special']);

    const password = strongPassword();
    await passwordPage.setPassword(password);
    const done = new PasswordSetPage(page);
    await done.expectShown();
    await done.ok.click();
    await expect(page).toHaveURL(/\/login(\?.*)?$/);

    await signInAndOutWithoutJs(page, person.login, password);
  });

  test('a patient whose password is set signs in, sees the account and signs out with plain form posts', async ({ page, newPage }) => {
    // The password is set with JavaScript; the rest runs without it.
    const { person, password } = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await page.goto('/login');
    await signInAndOutWithoutJs(page, person.login, password);
  });
});

async function signInAndOutWithoutJs(page: Page, login: string, password: string): Promise<void> {
  const loginPage = new LoginPage(page);
  await loginPage.signIn(login, `${password}!`);
  await expect(loginPage.error).toHaveText(SIGN_IN_MESSAGES.failed);
  await expect(loginPage.login).toHaveValue(login);
  await loginPage.signIn(login, password);

  const account = new AccountPage(page);
  await account.expectShown();
  await account.expectUnverified();

  await signOut(account.signOut);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
}
