// WCAG 2.1 AA (SPEC §13) after registration: axe-core finds nothing on the sign-in, activation,
// password-reset, account and registration-desk pages, and the patient's pages reflow at 360 px.
import { strongPassword, uniqueSuffix } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { LinkRequestPage } from './pages/link-request-page';
import { PasswordSetPage } from './pages/password-set-page';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { e2eDatabaseUrl, expireTokensOf } from './support/database';
import { RESET_HREF, unknownToken } from './support/links';
import { activationLinkFor } from './support/mailbox';
import { registerAndActivate, registerPerson, signInPatient } from './support/patients';
import { signInStaff } from './support/staff';
import { LINK_STATES, RESET_SUBJECT, SIGN_IN_MESSAGES, type LinkState } from './support/words';

test.describe('axe-core finds no WCAG 2.1 A/AA violations', () => {
  test('on the login page showing a refused sign-in', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signIn(`nikt.${uniqueSuffix()}`, strongPassword());
    await expect(loginPage.error).toHaveText(SIGN_IN_MESSAGES.failed);
    await expectNoAxeViolations(page);
  });

  test('on the password page of a valid activation link, before and after a refused password', async ({ page, passwordPage }) => {
    const person = await registerPerson(page);
    await passwordPage.open(await activationLinkFor(page, person.email));
    await expectNoAxeViolations(page);

    // The live checklist with ✓ and ✗.
    await passwordPage.password.fill('abc');
    await expect(passwordPage.rules.first()).toContainText('✗');
    await expectNoAxeViolations(page);

    await passwordPage.setPassword('kbtrwyp');
    await expect(passwordPage.refusal).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('on the confirmation after the password is set', async ({ page }) => {
    await registerAndActivate(page);
    await new PasswordSetPage(page).expectShown();
    await expectNoAxeViolations(page);
  });

  test('on the pages for an unknown, a used and a replaced link', async ({ page, passwordPage }) => {
    const check = async (state: LinkState) => {
      await passwordPage.expectDeadLink(state);
      await expectNoAxeViolations(page);
    };
    await page.goto(`/activate/${unknownToken()}`);
    await check('unknown');

    const person = await registerPerson(page);
    const first = await activationLinkFor(page, person.email);
    const resend = new LinkRequestPage(page, 'resend');
    await resend.goto();
    await resend.request(person.email);
    const second = await activationLinkFor(page, person.email, [first]);
    await page.goto(first);
    await check('superseded');

    await passwordPage.open(second);
    await passwordPage.setPassword(strongPassword());
    await new PasswordSetPage(page).expectShown();
    await page.goto(second);
    await check('used');
  });

  test('on the page for an expired link', async ({ page, passwordPage }) => {
    test.skip(!e2eDatabaseUrl, 'Expiring a link needs direct database access: set E2E_DATABASE_URL (CI always does).');
    const person = await registerPerson(page);
    const href = await activationLinkFor(page, person.email);
    await expireTokensOf(person.login);
    await page.goto(href);
    await expect(passwordPage.heading).toHaveText(LINK_STATES.expired);
    await expectNoAxeViolations(page);
  });

  test('on the resend page, empty and with its answer', async ({ page }) => {
    const resend = new LinkRequestPage(page, 'resend');
    await resend.goto();
    await expectNoAxeViolations(page);
    await resend.request(`nikt.${uniqueSuffix()}@example.pl`);
    await expectNoAxeViolations(page);
  });

  test('on the forgotten-password page, empty and with its answer', async ({ page }) => {
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await expectNoAxeViolations(page);
    await forgot.request(`nikt.${uniqueSuffix()}`);
    await expectNoAxeViolations(page);
  });

  test('on the password page of a reset link', async ({ page, mailbox, passwordPage }) => {
    const { person } = await registerAndActivate(page);
    const forgot = new LinkRequestPage(page, 'forgot');
    await forgot.goto();
    await forgot.request(person.login);
    await passwordPage.open(await mailbox.latestLink(person.email, RESET_SUBJECT, RESET_HREF));
    await expect(passwordPage.heading).toHaveText('Ustaw nowe hasło');
    await expectNoAxeViolations(page);
  });

  test('on the account page of an unverified patient', async ({ page }) => {
    const patient = await registerAndActivate(page);
    const account = await signInPatient(page, patient);
    await account.expectUnverified();
    await expectNoAxeViolations(page);
  });

  test.describe('for the registration desk', () => {
    test.describe.configure({ timeout: 120_000 });

    test('on the queue, the account detail before and after a decision, and the blocked registrations', async ({ page, newPage }) => {
      const person = await registerPerson(await newPage());
      const queue = await signInStaff(page, 'registrar');
      await expectNoAxeViolations(page);

      const id = await queue.find(person.pesel, person);
      await expectNoAxeViolations(page); // the search results

      const detail = new AccountDetailPage(page);
      await detail.goto(id);
      await expectNoAxeViolations(page);

      // A decision refused by the server (no reason) shows an alert; a block shows a status.
      await detail.reason.fill('x');
      await detail.reason.evaluate((el) => el.closest('form')!.setAttribute('novalidate', ''));
      await detail.block.click();
      await expect(detail.problem).toHaveText('Podaj powód blokady (3–500 znaków).');
      await expectNoAxeViolations(page);
      await detail.blockWith('Test dostępności');
      await expectNoAxeViolations(page);

      await page.goto('/admin/blocked-registrations');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Odrzucone próby rejestracji (ostatnie 30 dni)');
      await expectNoAxeViolations(page);
    });

    test('on the audit log and on a blocked account as the admin sees it', async ({ page, newPage }) => {
      const person = await registerPerson(await newPage());
      const registrar = await newPage();
      const queue = await signInStaff(registrar, 'registrar');
      const id = await queue.find(person.pesel, person);
      const byRegistrar = new AccountDetailPage(registrar);
      await byRegistrar.goto(id);
      await byRegistrar.blockWith('Test dostępności');

      await signInStaff(page, 'admin');
      const detail = new AccountDetailPage(page);
      await detail.goto(id);
      await expect(detail.unblock).toBeVisible();
      await expectNoAxeViolations(page);

      await page.goto('/admin/audit');
      await expect(page.getByRole('heading', { level: 1, name: 'Dziennik zdarzeń' })).toBeVisible();
      await expect(page.getByRole('link', { name: person.login, exact: true }).first()).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
});

test.describe('no horizontal scrolling at 360 px width', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('on the password page of an activation link, also with the refused password listed', async ({ page, passwordPage }) => {
    const person = await registerPerson(page);
    await passwordPage.open(await activationLinkFor(page, person.email));
    await expectNoHorizontalScroll(page);
    await passwordPage.setPassword('kbtrwyp');
    await expect(passwordPage.refusal).toBeVisible();
    await expectNoHorizontalScroll(page);
  });

  test('on the account page', async ({ page }) => {
    // A long login and email must wrap, not widen the page.
    const patient = await registerAndActivate(page, { email: `bardzo.dlugi.adres.${Date.now()}.pacjentki@przyklad-szpitala.example.pl` });
    const account = await signInPatient(page, patient);
    await account.expectUnverified();
    await expectNoHorizontalScroll(page);
  });
});
