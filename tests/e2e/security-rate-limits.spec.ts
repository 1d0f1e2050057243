// Rate limits hold across app instances (SPEC §13: all shared state lives in PostgreSQL). Two
// production servers on ports 3301 and 3302 share one throwaway PostgreSQL database with small
// limits; each test alternates between them and comes from its own documentation-range address
// (X-Forwarded-For: 203.0.113.n, RFC 5737), so the tests do not count against each other.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createPostgresDatabase } from '../helpers/databases';
import { newPerson, uniqueSuffix } from '../helpers/people';
import { LinkRequestPage } from './pages/link-request-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { startServer, type RunningServer } from './servers';
import { postgresBase } from './support/database';
import { STAFF } from './support/staff';
import { FORGOT_SENT_START as SENT, LIMITED, SIGN_IN_MESSAGES } from './support/words';

const SKIP_REASON =
  '!!! SKIPPED: the cross-instance rate-limit tests need a real PostgreSQL. Set TEST_DATABASE_URL ' +
  '(e.g. postgres://postgres@127.0.0.1:5432/postgres) or E2E_DATABASE_URL; CI sets it. !!!';
if (!postgresBase) console.warn(`\n${SKIP_REASON}\n`);

const LIMITS = {
  RATE_LIMIT_SIGNIN_FAILURES_PER_LOGIN: '4',
  RATE_LIMIT_SIGNIN_BLOCK_MINUTES: '15',
  RATE_LIMIT_REGISTER_PER_IP_HOUR: '3',
  RATE_LIMIT_LINKS_PER_ADDRESS_HOUR: '2',
};

test.describe('rate limits across two app instances sharing one PostgreSQL database', () => {
  // One worker runs these in order: they share the two servers started below.
  test.describe.configure({ mode: 'default', timeout: 120_000 });
  test.skip(!postgresBase, SKIP_REASON);

  let database: { url: string; drop(): Promise<void> } | undefined;
  let a: RunningServer | undefined;
  let b: RunningServer | undefined;
  /** The two instances, in the order the attempts alternate between them. */
  const instance = (i: number) => (i % 2 === 0 ? a! : b!).url;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    database = await createPostgresDatabase(postgresBase);
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PGLITE_DIR: undefined,
      AUTH_SECRET: 'rate-limit-test-secret-rate-limit-test-secret',
      APP_URL: 'http://127.0.0.1:3301',
      DEV_MAILBOX: '1',
      DEMO_SEED: '1',
      ...LIMITS,
    };
    // One after the other: the first migrates and seeds the demo staff, the second finds them.
    a = await startServer(3301, env);
    b = await startServer(3302, env);
  });

  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  /** A browser context whose every request says it comes from `ip` (as a reverse proxy would). */
  async function from(browser: Browser, ip: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': ip } });
    return { context, page: await context.newPage() };
  }

  async function signIn(page: Page, base: string, login: string, password: string) {
    await page.goto(`${base}/login`);
    await new LoginPage(page).signIn(login, password);
  }

  const loginError = (page: Page) => page.locator('#login-error');

  test('4 wrong passwords alternated between the instances lock the login on both: the 5th attempt is refused even with the right password', async ({
    browser,
  }) => {
    const { context, page } = await from(browser, '203.0.113.10');
    for (let i = 0; i < 4; i++) {
      await signIn(page, instance(i), STAFF.registrar.login, `Zle-haslo#${i}`);
      await expect(loginError(page), `failure ${i + 1} on ${instance(i)}`).toHaveText(SIGN_IN_MESSAGES.failed);
    }
    // The 5th attempt, on either instance, with the right password.
    for (const base of [a!.url, b!.url]) {
      await signIn(page, base, STAFF.registrar.login, STAFF.registrar.password);
      await expect(loginError(page), `right password on ${base} after 4 failures`).toHaveText(LIMITED);
      await expect(page).toHaveURL(`${base}/login`);
      expect((await context.cookies(base)).some((c) => c.name.endsWith('authjs.session-token'))).toBe(false);
    }
    await context.close();

    // The lock is per login and address: the real owner elsewhere still signs in (control: the
    // password above was right).
    const elsewhere = await from(browser, '203.0.113.11');
    await signIn(elsewhere.page, b!.url, STAFF.registrar.login, STAFF.registrar.password);
    // The password is accepted: the second step (enrolment, STAFF_MFA=required) comes next.
    await expect(elsewhere.page).toHaveURL(`${b!.url}/login/mfa-setup`);
    await elsewhere.context.close();
  });

  // The failure that uses up the limit starts a block of RATE_LIMIT_SIGNIN_BLOCK_MINUTES.
  test('the lock lasts RATE_LIMIT_SIGNIN_BLOCK_MINUTES (15 min), as the limited message says', async ({ browser }) => {
    const { context, page } = await from(browser, '203.0.113.12');
    for (let i = 0; i < 4; i++) {
      await signIn(page, instance(i), STAFF.registrar.login, `Zle-haslo#${i}`);
      await expect(loginError(page)).toHaveText(SIGN_IN_MESSAGES.failed);
    }
    await signIn(page, a!.url, STAFF.registrar.login, STAFF.registrar.password);
    await expect(loginError(page)).toHaveText('Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 15 min.');
    await context.close();
  });

  test('an unknown login gets exactly the words of a known login with a wrong password, before and at the limit', async ({ browser }) => {
    const { context, page } = await from(browser, '203.0.113.20');
    const unknown = `nikt.${uniqueSuffix()}`;
    const texts: Array<{ who: string; text: string }> = [];
    for (let i = 0; i < 4; i++) {
      await signIn(page, instance(i), unknown, `Zle-haslo#${i}`);
      await expect(loginError(page)).toHaveText(SIGN_IN_MESSAGES.failed);
      texts.push({ who: 'unknown', text: (await loginError(page).textContent()) ?? '' });
      await signIn(page, instance(i + 1), STAFF.registrar.login, `Zle-haslo#${i}`);
      await expect(loginError(page)).toHaveText(SIGN_IN_MESSAGES.failed);
      texts.push({ who: 'known', text: (await loginError(page).textContent()) ?? '' });
    }
    expect(new Set(texts.map((t) => t.text)).size, JSON.stringify(texts)).toBe(1);
    // At the limit, too, both look the same: limits do not reveal which logins exist.
    await signIn(page, a!.url, unknown, 'Zle-haslo#5');
    await expect(loginError(page)).toHaveText(LIMITED);
    const unknownLimited = await loginError(page).textContent();
    await signIn(page, b!.url, STAFF.registrar.login, 'Zle-haslo#5');
    await expect(loginError(page)).toHaveText(LIMITED);
    expect(await loginError(page).textContent()).toBe(unknownLimited);
    await context.close();
  });

  test('the 4th registration from one address, across the two instances, is refused with the limited message', async ({ browser }) => {
    const { context, page } = await from(browser, '203.0.113.30');
    const form = new RegisterPage(page, true);
    const registered = [newPerson(), newPerson(), newPerson()];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${instance(i)}/register`);
      await form.ready();
      await form.register(registered[i]!);
      await expect(page, `registration ${i + 1} on ${instance(i)}`).toHaveURL(`${instance(i)}/register/sent`);
    }
    const fourth = newPerson();
    await page.goto(`${instance(3)}/register`);
    await form.ready();
    await form.register(fourth);
    await expect(page.getByRole('alert').filter({ hasText: 'Zbyt wiele prób' })).toHaveText(LIMITED);
    await expect(page).toHaveURL(`${instance(3)}/register`);
    await expect(form.login, 'the input is kept').toHaveValue(fourth.login);

    // Nothing was registered: no activation email for the 4th person on either instance.
    await page.goto(`${a!.url}/dev/mail`);
    const recipient = (email: string) => page.getByTestId('recipient').getByText(email, { exact: true });
    await expect(recipient(registered[2]!.email), 'the mailbox shows the registrations that went through').toHaveCount(1);
    await expect(recipient(fourth.email)).toHaveCount(0);
    await context.close();

    // Per address: the same person from another address gets through (control).
    const other = await from(browser, '203.0.113.31');
    const otherForm = new RegisterPage(other.page, true);
    await other.page.goto(`${b!.url}/register`);
    await otherForm.ready();
    await otherForm.register(fourth);
    await expect(other.page).toHaveURL(`${b!.url}/register/sent`);
    await other.context.close();
  });

  test('the 3rd new-password link request for one address, across the two instances, is refused with the limited message', async ({
    browser,
  }) => {
    const { context, page } = await from(browser, '203.0.113.40');
    const address = `ktos.${uniqueSuffix()}@example.pl`;
    const forgot = new LinkRequestPage(page, 'forgot');
    const request = async (base: string, value: string) => {
      await page.goto(`${base}/password/forgot`);
      await forgot.field.fill(value);
      await forgot.submit.click();
    };
    const sent = page.getByRole('status');
    const limited = page.getByRole('alert').filter({ hasText: 'Zbyt wiele prób' });

    await request(a!.url, address);
    await expect(sent).toHaveText(SENT);
    await request(b!.url, address);
    await expect(sent).toHaveText(SENT);
    // The 3rd, spelled differently (case): still the same address.
    await request(a!.url, address.toUpperCase());
    await expect(limited).toHaveText(LIMITED);
    await expect(sent).toHaveText('');

    // Per address: another address from the same visitor is still served (control).
    await request(b!.url, `inny.${uniqueSuffix()}@example.pl`);
    await expect(sent).toHaveText(SENT);
    await expect(limited).toHaveCount(0);
    await context.close();
  });
});
