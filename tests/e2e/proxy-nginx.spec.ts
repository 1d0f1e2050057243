// The client address cannot be forged (SPEC §12, issue 9). Debian's nginx, configured from the
// README's example (ops/nginx/e-rejestracja.conf), runs in front of a production server with the
// default TRUSTED_PROXY_HOPS=1; every attempt below sends a new forged X-Forwarded-For, and the
// limits still count them together, because the key is the address nginx saw (127.0.0.1: every
// loopback client is one address, as it should be), and it is that address that consents,
// blocked registrations and staff sign-in audit entries record. A second server without a proxy
// (TRUSTED_PROXY_HOPS=0) trusts no header at all. Each test fails when lib/request.ts takes the
// client's first X-Forwarded-For entry again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { createPostgresDatabase } from '../helpers/databases';
import { newPerson, uniqueSuffix, type Person } from '../helpers/people';
import { NGINX_BINARY, NGINX_EXAMPLE, freePort, startNginx, type RunningNginx } from './nginx';
import { LinkRequestPage } from './pages/link-request-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { startServer, type RunningServer } from './servers';
import { postgresBase } from './support/database';
import { STAFF } from './support/staff';
import { FORGOT_SENT_START as SENT, LIMITED, SIGN_IN_MESSAGES } from './support/words';

const required = process.env.CI === 'true' || process.env.E2E_REQUIRED === '1';
const SKIP_REASON =
  '!!! SKIPPED: the reverse-proxy tests need a real PostgreSQL (TEST_DATABASE_URL, e.g. ' +
  "postgres://postgres@127.0.0.1:5432/postgres) and Debian's nginx (apt-get install -y nginx). !!!";
const nginxInstalled = existsSync(NGINX_BINARY);
// In CI a missing nginx is a failure (startNginx throws), never a silent skip.
const skip = !postgresBase || (!nginxInstalled && !required);
if (skip) console.warn(`\n${SKIP_REASON}\n`);

const LIMITS = {
  RATE_LIMIT_SIGNIN_FAILURES_PER_LOGIN: '4',
  RATE_LIMIT_SIGNIN_BLOCK_MINUTES: '15',
  RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '100000',
  // The per-account limit counts from any address; kept out of the way so that only the
  // per-address limits can refuse here.
  RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_AFTER: '1000',
  RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_AFTER: '100',
  RATE_LIMIT_REGISTER_PER_IP_HOUR: '3',
  RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
  RATE_LIMIT_LINKS_PER_IP_HOUR: '2',
  RATE_LIMIT_LINKS_PER_ADDRESS_HOUR: '100000',
};
/** Demo staff (DEMO_SEED=1); only wrong passwords are tried here. */
const STAFF_LOGIN = STAFF.registrar.login;
const ADMIN_LOGIN = STAFF.admin.login;

/** A different forged X-Forwarded-For for attempt `i`, in every shape a client might try. */
function forged(i: number): string {
  const shapes = [
    `198.51.100.${i + 1}`,
    `203.0.113.${i + 1}, 198.51.100.${i + 1}`,
    `2001:db8::${(i + 1).toString(16)}`,
    `192.0.2.${i + 1}, 10.0.0.${i + 1}, 172.16.0.${i + 1}`,
    `127.0.0.${i + 2}`,
  ];
  return shapes[i % shapes.length]!;
}

async function signIn(page: Page, base: string, login: string, password: string, xff: string) {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': xff, 'X-Real-IP': xff.split(',')[0]! });
  await page.goto(`${base}/login`);
  await new LoginPage(page).signIn(login, password);
}

async function requestLink(page: Page, base: string, value: string, xff: string) {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': xff });
  await page.goto(`${base}/password/forgot`);
  const forgot = new LinkRequestPage(page, 'forgot');
  await forgot.field.fill(value);
  await forgot.submit.click();
}

async function register(page: Page, base: string, person: Person, xff: string) {
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': xff });
  await page.goto(`${base}/register`);
  const form = new RegisterPage(page, true);
  await form.ready();
  await form.register(person);
  return form;
}

test.describe('the client address behind nginx and without a proxy', () => {
  test.describe.configure({ mode: 'default', timeout: 120_000 });
  test.skip(skip, SKIP_REASON);

  let database: { url: string; drop(): Promise<void> } | undefined;
  let sql: postgres.Sql | undefined;
  let app: RunningServer | undefined;
  let direct: RunningServer | undefined;
  let nginx: RunningNginx | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    database = await createPostgresDatabase(postgresBase);
    sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const [appPort, nginxPort, directPort] = [await freePort(), await freePort(), await freePort()];
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PGLITE_DIR: undefined,
      AUTH_SECRET: 'proxy-test-secret-proxy-test-secret-proxy-test',
      DEV_MAILBOX: '1',
      DEMO_SEED: '1',
      ...LIMITS,
    };
    // One after the other: the first migrates the database, the second finds it ready.
    app = await startServer(appPort, { ...env, APP_URL: `http://127.0.0.1:${nginxPort}`, TRUSTED_PROXY_HOPS: undefined });
    direct = await startServer(directPort, { ...env, APP_URL: `http://127.0.0.1:${directPort}`, TRUSTED_PROXY_HOPS: '0' });
    nginx = await startNginx(nginxPort, appPort);
  });

  test.afterAll(async () => {
    await nginx?.stop();
    await Promise.all([app?.stop(), direct?.stop()]);
    await sql?.end();
    await database?.drop();
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus && nginx) {
      await testInfo.attach('nginx access log', { body: nginx.accessLog(), contentType: 'text/plain' });
      await testInfo.attach('nginx error log', { body: nginx.errorLog(), contentType: 'text/plain' });
    }
  });

  /** The addresses recorded with a registration's consents (staff see them in the verification detail). */
  const consentAddresses = async (login: string) =>
    (
      await sql!<{ ip: string | null }[]>`
        select c.ip from consents c join web_accounts a on a.id = c.account_id where a.login = ${login}`
    ).map((r) => r.ip);

  test('through nginx, 4 wrong passwords for one login, each with a new forged X-Forwarded-For, use up the limit: the 5th is refused', async ({
    page,
  }) => {
    const login = `nikt.${uniqueSuffix()}`;
    for (let i = 0; i < 4; i++) {
      await signIn(page, nginx!.url, login, `Zle-haslo#${i}`, forged(i));
      await expect(page.locator('#login-error'), `failure ${i + 1}, X-Forwarded-For: ${forged(i)}`).toHaveText(SIGN_IN_MESSAGES.failed);
    }
    await signIn(page, nginx!.url, login, 'Zle-haslo#4', forged(4));
    await expect(page.locator('#login-error')).toHaveText(LIMITED);
    // nginx really passed the forged values on, with its own address appended.
    expect(nginx!.accessLog()).toContain(`sent="${forged(1)}, 127.0.0.1"`);
  });

  /** The addresses in the audit log's entries of `action` for the staff login (details.ip). */
  const auditedAddresses = async (login: string, action: string) =>
    (
      await sql!<{ ip: string | null }[]>`
        select a.details->>'ip' as ip from audit_log a join staff_accounts s on s.id = a.staff_id
        where s.login = ${login} and a.action = ${action} order by a.created_at`
    ).map((r) => r.ip);

  test("through nginx, a staff member's failed sign-in is audited with the address nginx saw, not the forged one", async ({ page }) => {
    await signIn(page, nginx!.url, STAFF_LOGIN, 'Zle-haslo#nginx', '198.51.100.77');
    await expect(page.locator('#login-error')).toHaveText(SIGN_IN_MESSAGES.failed);
    await expect.poll(() => auditedAddresses(STAFF_LOGIN, 'staff.signin.password_failed')).toEqual(['127.0.0.1']);
  });

  test('through nginx, the 4th registration from one address is refused however each one forges X-Forwarded-For, and the records carry the address nginx saw', async ({
    page,
  }) => {
    const first = newPerson();
    const second = newPerson();
    await register(page, nginx!.url, first, '198.51.100.21');
    await expect(page).toHaveURL(`${nginx!.url}/register/sent`);
    await register(page, nginx!.url, second, '198.51.100.22, 203.0.113.22');
    await expect(page).toHaveURL(`${nginx!.url}/register/sent`);
    // A conflict (the first person's email) is recorded for staff, with the address.
    const conflicting = newPerson({ email: first.email });
    const third = await register(page, nginx!.url, conflicting, '2001:db8::23');
    await expect(third.conflict).toBeVisible();

    const fourth = newPerson();
    const form = await register(page, nginx!.url, fourth, '127.0.0.24');
    await expect(page.getByRole('alert').filter({ hasText: 'Zbyt wiele prób' })).toHaveText(LIMITED);
    await expect(page).toHaveURL(`${nginx!.url}/register`);
    await expect(form.login, 'the input is kept').toHaveValue(fourth.login);
    expect(await sql!`select 1 from web_accounts where login = ${fourth.login}`).toHaveLength(0);

    // The consents and the blocked attempt carry 127.0.0.1, never a forged value.
    for (const person of [first, second]) {
      const addresses = await consentAddresses(person.login);
      expect(addresses.length, `consents of ${person.login}`).toBeGreaterThan(0);
      expect(new Set(addresses)).toEqual(new Set(['127.0.0.1']));
    }
    const blocked = await sql!<{ ip: string | null }[]>`select ip from blocked_registrations where login = ${conflicting.login}`;
    expect(blocked.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });

  test('through nginx, the 3rd new-password link request from one address is refused however each one forges X-Forwarded-For', async ({
    page,
  }) => {
    const sent = page.getByRole('status');
    const limited = page.getByRole('alert').filter({ hasText: 'Zbyt wiele prób' });
    for (let i = 0; i < 2; i++) {
      await requestLink(page, nginx!.url, `ktos.${uniqueSuffix()}@example.pl`, forged(i));
      await expect(sent, `request ${i + 1}`).toHaveText(SENT);
    }
    await requestLink(page, nginx!.url, `ktos.${uniqueSuffix()}@example.pl`, forged(2));
    await expect(limited).toHaveText(LIMITED);
    await expect(sent).toHaveText('');
  });

  test('without a proxy (TRUSTED_PROXY_HOPS=0) no forwarded header counts: forged values do not escape the sign-in limit', async ({
    page,
  }) => {
    const login = `nikt.${uniqueSuffix()}`;
    for (let i = 0; i < 4; i++) {
      await signIn(page, direct!.url, login, `Zle-haslo#${i}`, forged(i + 10));
      await expect(page.locator('#login-error'), `failure ${i + 1}`).toHaveText(SIGN_IN_MESSAGES.failed);
    }
    await signIn(page, direct!.url, login, 'Zle-haslo#4', forged(14));
    await expect(page.locator('#login-error')).toHaveText(LIMITED);
  });

  test("without a proxy (TRUSTED_PROXY_HOPS=0) a staff member's failed sign-in is audited without an address, never a forged one", async ({
    page,
  }) => {
    await signIn(page, direct!.url, ADMIN_LOGIN, 'Zle-haslo#direct', '198.51.100.78');
    await expect(page.locator('#login-error')).toHaveText(SIGN_IN_MESSAGES.failed);
    await expect.poll(() => auditedAddresses(ADMIN_LOGIN, 'staff.signin.password_failed')).toEqual([null]);
  });

  test('without a proxy (TRUSTED_PROXY_HOPS=0) forged values do not escape the registration limit, and no address is recorded', async ({
    page,
  }) => {
    const people = [newPerson(), newPerson(), newPerson()];
    for (let i = 0; i < 3; i++) {
      await register(page, direct!.url, people[i]!, forged(i + 20));
      await expect(page, `registration ${i + 1}`).toHaveURL(`${direct!.url}/register/sent`);
    }
    await register(page, direct!.url, newPerson(), forged(23));
    await expect(page.getByRole('alert').filter({ hasText: 'Zbyt wiele prób' })).toHaveText(LIMITED);
    for (const person of people) {
      const addresses = await consentAddresses(person.login);
      expect(addresses.length).toBeGreaterThan(0);
      expect(new Set(addresses), 'the address is unknown, not a forged one').toEqual(new Set([null]));
    }
  });
});

test('the README shows the nginx configuration that these tests run', () => {
  const readme = readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
  const example = readFileSync(NGINX_EXAMPLE, 'utf8');
  expect(readme).toContain('```nginx\n' + example + '```');
  for (const line of [
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    'proxy_set_header Host $http_host;',
  ]) {
    expect(example).toContain(line);
  }
});
