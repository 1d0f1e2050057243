// Signing in and out (SPEC §2.4, §5, §12): one message for every wrong login or password, a
// clear one for an account that waits for activation, and /account only with a session.
import { strongPassword, uniqueSuffix } from '../helpers/people';
import { expect, test } from './fixtures';
import { registerAndActivate, registerPerson } from './support/patients';
import { signOut } from './support/sign-out';
import { SIGN_IN_MESSAGES } from './support/words';

test.describe('signing in', () => {
  test('a wrong password and an unknown login get the identical message, and the login stays typed', async ({ page, loginPage }) => {
    const { person } = await registerAndActivate(page);

    await loginPage.expectRefused(person.login, strongPassword(), SIGN_IN_MESSAGES.failed);
    const wrongPassword = await loginPage.error.textContent();
    await expect(loginPage.login).toHaveValue(person.login);
    await expect(loginPage.password).toHaveValue('');

    const unknown = `nikt.${uniqueSuffix()}`;
    await loginPage.expectRefused(unknown, strongPassword(), SIGN_IN_MESSAGES.failed);
    const unknownLogin = await loginPage.error.textContent();
    await expect(loginPage.login).toHaveValue(unknown);

    expect(unknownLogin).toBe(wrongPassword);
    // The message is announced, focused, and describes the login field.
    await expect(loginPage.error).toBeFocused();
    await expect(loginPage.login).toHaveAccessibleDescription(SIGN_IN_MESSAGES.failed);
  });

  test('an account whose activation link was not used yet gets the generic answer and the way to a new link', async ({
    page,
    loginPage,
  }) => {
    const person = await registerPerson(page);
    await loginPage.expectRefused(person.login, strongPassword(), SIGN_IN_MESSAGES.failed);
    await page.getByRole('link', { name: 'Nie dostałem linku aktywacyjnego' }).click();
    await expect(page).toHaveURL(/\/activate\/resend$/);
  });

  test('a patient signs in with the login typed in another case and lands on the account page', async ({
    page,
    loginPage,
    accountPage,
  }) => {
    const { person, password } = await registerAndActivate(page);
    await loginPage.goto();
    await loginPage.signIn(` ${person.login.toUpperCase()} `, password);
    await accountPage.expectShown();
    await expect(page.getByRole('main')).toContainText(person.email);
    // A signed-in patient who opens /login is sent back to the account.
    await page.goto('/login');
    await accountPage.expectShown();
  });
});

test.describe('signing out and the account page', () => {
  test('signing out ends the session: /account then redirects to /login', async ({ page, loginPage, accountPage }) => {
    const { person, password } = await registerAndActivate(page);
    await loginPage.goto();
    await loginPage.signIn(person.login, password);
    await accountPage.expectShown();

    await signOut(accountPage.signOut);
    await expect(loginPage.submit).toBeVisible();

    await page.goto('/account');
    await expect(page).toHaveURL(/\/login(\?.*)?$/);
    await expect(page.getByRole('main')).not.toContainText(person.email);
  });

  test('/account without a session redirects to /login', async ({ page, loginPage }) => {
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login(\?.*)?$/);
    await expect(loginPage.submit).toBeVisible();
    const response = await page.request.get('/account', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    // The way back after signing in comes along (lib/auth/require.ts).
    expect(response.headers()['location']).toBe('/login?next=%2Faccount');
  });
});

test.describe('signing out without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a session cookie copied before signing out no longer opens the account', async ({ page, newPage, loginPage, accountPage }) => {
    const { person, password } = await registerAndActivate(await newPage({ javaScriptEnabled: true }));
    await loginPage.goto();
    await loginPage.signIn(person.login, password);
    await accountPage.expectShown();
    const cookies = await page.context().cookies();

    await signOut(accountPage.signOut);

    // Someone who kept the cookie (a shared computer, a stolen cookie) replays it.
    const other = await newPage();
    await other.context().addCookies(cookies);
    await other.goto('/account');
    // Signing out moves the account's session version on, so the kept cookie is dead too.
    await expect(other).toHaveURL(/\/login(\?.*)?$/);
  });
});
