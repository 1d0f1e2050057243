// Per-account throttling seen by people (issue 9): failed sign-ins lock the account for sign-in
// by password, its owner is emailed, and the registrar sees the lock in the verification detail
// and lifts it with the keyboard — with and without JavaScript; a post of the lift form by
// someone who is not staff changes nothing. Its own production server (PGlite, port 3292) locks
// after 3 failures instead of 50, and lets staff sign in without a second factor.
import type { Browser, BrowserContext } from '@playwright/test';
import { startServer, type RunningServer } from './servers';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { LoginPage } from './pages/login-page';
import { VerificationQueuePage } from './pages/verification-queue-page';
import { expectNoAxeViolations, tabTo } from './support/accessibility';
import { formFields } from './support/forms';
import { DevMailbox } from './support/mailbox';
import { registerAndActivate, signInPatient } from './support/patients';
import { STAFF } from './support/staff';
import { SIGN_IN_LOCK_SUBJECT, SIGN_IN_MESSAGES } from './support/words';

const PORT = 3292;
const LOCKED = /^Konto zablokowane dla logowania hasłem do .+ po 3 nieudanych próbach logowania\./;
const LIFTED = 'Blokada logowania hasłem została zdjęta.';
/** pl.limited(describeWait(24 h)). */
const LIMITED = 'Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 24 godz.';

test.describe('a lock of sign-in by password after failed attempts', () => {
  test.describe.configure({ mode: 'default', timeout: 120_000 });

  let server: RunningServer | undefined;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    test.setTimeout(150_000);
    server = await startServer(PORT, {
      APP_URL: `http://127.0.0.1:${PORT}`,
      AUTH_SECRET: 'sign-in-lock-secret-sign-in-lock-secret',
      DATABASE_URL: '',
      PGLITE_DIR: `.data/e2e-sign-in-lock-${Date.now()}`,
      DEV_MAILBOX: '1',
      DEMO_SEED: '1',
      STAFF_MFA: 'optional',
      TRUSTED_PROXY_HOPS: '0',
      RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_AFTER: '3',
      RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_AFTER: '3',
      RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_HOURS: '24',
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '1000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '1000',
      RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '1000',
    });
  });

  test.afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.stop();
  });

  async function open(browser: Browser, javaScriptEnabled = true) {
    const context = await browser.newContext({ baseURL: server!.url, javaScriptEnabled, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    contexts.push(context);
    return context.newPage();
  }

  for (const js of [true, false]) {
    test(`the registrar sees the lock in the account's detail and lifts it with the keyboard (${js ? 'with' : 'without'} JavaScript); nobody else can`, async ({
      browser,
      playwright,
    }) => {
      const patientPage = await open(browser);
      const patient = await registerAndActivate(patientPage);
      const login = new LoginPage(patientPage);
      for (let i = 1; i <= 3; i++) await login.expectRefused(patient.person.login, `Zle-haslo#${i}`, SIGN_IN_MESSAGES.failed);
      // Locked: even the right password is refused now.
      await login.expectRefused(patient.person.login, patient.password, LIMITED);
      // The owner is told once (the email is queued after the answer, so the mailbox is polled).
      const mailbox = new DevMailbox(patientPage);
      const links = await mailbox.openEmail(patient.person.email, SIGN_IN_LOCK_SUBJECT);
      await expect(links.filter({ hasText: /\/password\/reset\// }).first()).toBeVisible();
      await expect((await mailbox.messagesTo(patient.person.email)).filter({ hasText: SIGN_IN_LOCK_SUBJECT })).toHaveCount(1);

      const desk = await open(browser, js);
      const staffLogin = new LoginPage(desk);
      await staffLogin.goto();
      await staffLogin.signIn(STAFF.registrar.login, STAFF.registrar.password);
      await expect(desk).toHaveURL(/\/admin\/verifications$/);
      const queue = new VerificationQueuePage(desk);
      const id = await queue.find(patient.person.pesel, patient.person);
      const detail = new AccountDetailPage(desk);
      await detail.goto(id);
      const lock = detail.signInLock;
      await expect(lock).toContainText(LOCKED);
      const lift = detail.liftSignInLock;
      if (js) await expectNoAxeViolations(desk);

      // The lift form posted by someone who is not signed in as staff lifts nothing.
      const fields = await formFields(lock.locator('form'));
      const anonymous = await playwright.request.newContext({ baseURL: server!.url });
      try {
        const response = await anonymous.post(`/admin/verifications/${id}`, {
          multipart: fields,
          headers: { Origin: server!.url },
          maxRedirects: 0,
        });
        expect(response.status()).toBeLessThan(500);
        expect(response.headers()['location'] ?? '').not.toContain('done=');
      } finally {
        await anonymous.dispose();
      }
      await detail.goto(id);
      await expect(lock).toContainText(LOCKED);

      await tabTo(desk, lift);
      await desk.keyboard.press('Enter');
      await expect(detail.message).toHaveText(LIFTED);
      await expect(lock).toHaveCount(0);
      await expect(desk.getByRole('heading', { name: 'Historia działań' }).locator('xpath=following-sibling::ul')).toContainText(
        'account.signin_unlock',
      );

      await signInPatient(patientPage, patient);
    });
  }
});
