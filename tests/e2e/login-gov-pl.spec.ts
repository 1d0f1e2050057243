// login.gov.pl end to end (issue 20, SPEC §17) against a production build: sign in, register and
// verify through a stub of the node (tests/e2e/support/wk-stub-node.ts: real HTTPS, Artifact
// binding, signed SOAP resolve, encrypted assertion), with and without JavaScript; every hostile
// answer of the stub, a replayed artifact and an artifact brought to another browser refused with
// a 4xx page and no session; axe and 360 px on the new pages; no button and no metadata when the
// node is not configured. One stub and one app server (its own PostgreSQL database) for the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { openDatabase, type Database } from '@/db/client';
import { patients, webAccounts, wkRequests } from '@/db/schema';
import { generateP256KeyPair } from '@/lib/login-gov-pl';
import { activePatient, newRegistrar, verifiedPatient } from '../helpers/accounts';
import { createPostgresDatabase } from '../helpers/databases';
import { newPerson, uniquePesel, uniqueSurname, type Person } from '../helpers/people';
import { AccountPage } from './pages/account-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { WK_BUTTONS, WkRedirectPage, WkRefusalPage, anyWkButton } from './pages/wk-pages';
import { startServer, type RunningServer } from './servers';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { postgresBase } from './support/database';
import { registerAndActivate, signInPatient } from './support/patients';
import { HOSTILE_MODES, startStubNode, type StubNode, type StubPerson } from './support/wk-stub-node';

const SKIP_REASON =
  '!!! SKIPPED: the login.gov.pl e2e tests run their own server on a real PostgreSQL. Set TEST_DATABASE_URL; CI sets it. !!!';
if (!postgresBase) console.warn(`\n${SKIP_REASON}\n`);

const PORT = 3351;
const APP_URL = `http://127.0.0.1:${PORT}`;
const ACS_URL = `${APP_URL}/api/wk/acs`;
const ARTIFACT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact';

test.describe.configure({ mode: 'serial' });

test.describe('login.gov.pl: sign in, register and verify through the node', () => {
  test.skip(!postgresBase, SKIP_REASON);

  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: RunningServer | undefined;
  let stub: StubNode | undefined;
  let db: Database | undefined;
  let caFolder: string | undefined;
  /** A successful sign-in's ACS address (with its SAMLart), for the replay test. */
  let spentAcsUrl: string | undefined;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const signing = generateP256KeyPair('E-Rejestracja e2e signing');
    const encryption = generateP256KeyPair('E-Rejestracja e2e encryption');
    // The stub's page lists people for a hand-driven run; every test here queues its answer instead.
    stub = await startStubNode({
      spSigningCertPem: signing.certificatePem,
      spEncryptionCertPem: encryption.certificatePem,
      people: [{ pesel: '44051401458', firstName: 'Jan', lastName: 'Kowalski', birthDate: '1944-05-14' }],
    });
    // The app's SOAP call must trust the stub's self-signed TLS certificate, and nothing else changes.
    caFolder = mkdtempSync(path.join(tmpdir(), 'wk-e2e-'));
    const caFile = path.join(caFolder, 'stub-ca.pem');
    writeFileSync(caFile, stub.tlsCaPem);
    database = await createPostgresDatabase(postgresBase);
    server = await startServer(PORT, {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PGLITE_DIR: undefined,
      AUTH_SECRET: 'wk-e2e-secret-wk-e2e-secret-wk-e2e-secret-wk',
      APP_URL,
      DEV_MAILBOX: '1',
      NODE_EXTRA_CA_CERTS: caFile,
      WK_SSO_URL: stub.ssoUrl,
      WK_ARTIFACT_URL: stub.artifactUrl,
      WK_LOGOUT_URL: stub.logoutUrl,
      WK_IDP_ENTITY_ID: stub.entityId,
      WK_IDP_CERT: stub.idpCertPem,
      WK_SP_SIGNING_KEY: signing.privateKeyPem,
      WK_SP_SIGNING_CERT: signing.certificatePem,
      WK_SP_ENCRYPTION_KEY: encryption.privateKeyPem,
      WK_SP_ENCRYPTION_CERT: encryption.certificatePem,
      // Every test comes from 127.0.0.1: the limits are tested on their own (rate-limits.spec.ts).
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '100000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
      RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '100000',
      RATE_LIMIT_LINKS_PER_IP_HOUR: '100000',
    });
    db = await openDatabase({ url: database.url, max: 2 });
  });

  test.afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test.afterAll(async () => {
    await server?.stop();
    await stub?.stop();
    await db?.close();
    await database?.drop();
    if (caFolder) rmSync(caFolder, { recursive: true, force: true });
  });

  const url = (pathname: string) => `${server!.url}${pathname}`;

  /** A browser on the app server; it must open the stub's self-signed HTTPS page on the way. */
  async function newPage(browser: Browser, js = true, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ baseURL: server!.url, ignoreHTTPSErrors: true, javaScriptEnabled: js, viewport });
    contexts.push(context);
    return context.newPage();
  }

  /**
   * Presses the button that starts a use and follows the browser to the node and back: without
   * JavaScript the redirect page stays until "Dalej" is pressed. Returns the ACS's own answer (the
   * 303 or the refusal), before any redirect it gives is followed.
   */
  async function throughNode(page: Page, button: string, js: boolean): Promise<Response> {
    const acs = page.waitForResponse((r) => r.url().startsWith(ACS_URL));
    await page.getByRole('button', { name: button, exact: true }).click();
    if (!js) {
      const redirect = new WkRedirectPage(page);
      await redirect.expectShown();
      await redirect.continue.click();
    }
    return acs;
  }

  /**
   * A patient with an active account (password set), created in the database directly; verified
   * at the desk when asked — the only kind of existing account login.gov.pl may sign in to.
   */
  async function existingPatient(verified = false) {
    const patient = verified
      ? await verifiedPatient(db!.db, await newRegistrar(db!.db), { lastName: uniqueSurname() })
      : await activePatient(db!.db, { lastName: uniqueSurname() });
    const person: StubPerson = {
      pesel: patient.data.pesel!,
      firstName: patient.data.firstName,
      lastName: patient.data.lastName,
      birthDate: patient.data.birthDate!,
    };
    return { ...patient, person };
  }

  async function storedAccount(login: string) {
    const [row] = await db!.db
      .select({
        status: webAccounts.status,
        method: webAccounts.verificationMethod,
        pesel: patients.pesel,
        firstName: patients.firstName,
        lastName: patients.lastName,
        birthDate: patients.birthDate,
      })
      .from(webAccounts)
      .innerJoin(patients, eq(patients.id, webAccounts.patientId))
      .where(eq(webAccounts.login, login));
    return row;
  }

  /** No session: /account sends the browser to /login. */
  async function expectSignedOut(page: Page): Promise<void> {
    const answer = await page.context().request.get(url('/account'), { maxRedirects: 0 });
    expect([303, 307], 'a redirect from /account').toContain(answer.status());
    expect(new URL(answer.headers()['location'] ?? '', server!.url).pathname).toBe('/login');
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Sign in

  for (const js of [true, false]) {
    test(`a patient with a verified account signs in through login.gov.pl (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
      const patient = await existingPatient(true);
      const page = await newPage(browser, js);
      await page.goto('/login');
      stub!.answerNextWith(patient.person);
      const logoutsBefore = stub!.requests.logouts.length;
      const acs = await throughNode(page, WK_BUTTONS.login, js);
      expect(acs.status()).toBe(303);
      // The node's share of the return, apart from ours (Server-Timing).
      expect(await acs.headerValue('server-timing')).toMatch(/^wk-resolve;dur=\d+\.\d;desc="login\.gov\.pl"$/);
      await expect(page).toHaveURL(url('/account'));
      await expect(page.getByRole('main')).toContainText(`${patient.person.firstName} ${patient.person.lastName}`);
      // The request the node received was signed for this service's ACS (the stub verified the signature).
      expect(stub!.requests.authnRequests.at(-1)?.acsUrl).toBe(ACS_URL);
      // The node's session was ended right after its answer, by a LogoutRequest the stub verified.
      await expect.poll(() => stub!.requests.logouts.length).toBe(logoutsBefore + 1);
      expect(stub!.requests.logouts.at(-1)).toMatchObject({ issuer: stub!.requests.authnRequests.at(-1)?.issuer });
      if (js) spentAcsUrl = acs.url();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Register, and 3. no account → the offer to register

  /** The form is back from the node with the four values fixed (read-only, capitalised names). */
  async function expectFixed(form: RegisterPage, person: Person): Promise<void> {
    await expect(form.page.locator('[data-wk-fixed]')).toHaveText('Dane z login.gov.pl (nie można ich zmienić):');
    await expect(form.pesel).toHaveValue(person.pesel);
    await expect(form.firstName).toHaveValue(person.firstName);
    await expect(form.lastName).toHaveValue(person.lastName);
    for (const field of [form.pesel, form.firstName, form.lastName]) await expect(field).not.toBeEditable();
  }

  for (const js of [true, false]) {
    test(`a new person registers with the values from login.gov.pl, which the form cannot change (${js ? 'with' : 'without'} JavaScript)`, async ({
      browser,
    }) => {
      const person = newPerson(); // firstName Zofia, surname Testowa-Xxxxxxxxxx: the node answers both in lower case
      const page = await newPage(browser, js);
      const form = new RegisterPage(page, js);
      await form.goto();
      stub!.answerNextWith({ pesel: person.pesel, firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate });
      expect((await throughNode(page, WK_BUTTONS.register, js)).status()).toBe(303);
      await expect(page).toHaveURL(url('/register?wk=1'));
      await form.ready();
      await expectFixed(form, person);
      if (js) await expectNoAxeViolations(page);

      for (const [field, value] of [
        [form.login, person.login],
        [form.email, person.email],
        [form.phone, person.phone],
        [form.street, person.street],
        [form.houseNumber, person.houseNumber],
        [form.postalCode, person.postalCode],
        [form.city, person.city],
      ] as const)
        await field.fill(value);
      await form.solveCaptcha();
      await form.giveConsents(person);
      // A hostile user edits the read-only fields in the page: the server keeps the node's values.
      const forgedPesel = uniquePesel().pesel;
      await page.evaluate(
        ([pesel, firstName]) => {
          for (const [name, value] of [
            ['pesel', pesel],
            ['firstName', firstName],
          ] as const) {
            const input = document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
            input.removeAttribute('readonly');
            input.value = value;
          }
        },
        [forgedPesel, 'Mallory'] as const,
      );
      await expect(form.pesel).toHaveValue(forgedPesel); // the forgery is what the form sends
      await form.submit.click();
      await expect(page).toHaveURL(url('/register/sent'));

      const stored = await storedAccount(person.login);
      expect(stored).toMatchObject({
        status: 'verified',
        method: 'login.gov.pl',
        pesel: person.pesel,
        firstName: person.firstName,
        lastName: person.lastName,
        birthDate: person.birthDate,
      });
    });
  }

  test('signing in with a PESEL that has no account offers to register, the form filled in', async ({ browser }) => {
    const person = newPerson();
    const page = await newPage(browser);
    await page.goto('/login');
    stub!.answerNextWith({ pesel: person.pesel, firstName: person.firstName, lastName: person.lastName, birthDate: person.birthDate });
    expect((await throughNode(page, WK_BUTTONS.login, true)).status()).toBe(303);
    await expect(page).toHaveURL(url('/register?wk=no-account'));
    await expect(page.getByRole('status').filter({ hasText: 'Żadne konto w portalu nie jest powiązane' })).toBeVisible();
    const form = new RegisterPage(page);
    await form.ready();
    await expectFixed(form, person);
    // The node's answer waits on the server; the browser holds only a handle, for /register alone.
    const handle = (await page.context().cookies(url('/register'))).find((c) => c.name === 'erej-wk-identity');
    // A session cookie (gone with the browser), and never the PESEL itself.
    expect(handle).toMatchObject({ path: '/register', httpOnly: true, expires: -1 });
    expect(handle?.value).not.toContain(person.pesel);
    await expectSignedOut(page);
    // "To nie ja" (a shared computer): the values are gone, from the page and from the server.
    await page.getByRole('button', { name: 'To nie ja — wyczyść dane z login.gov.pl' }).click();
    await expect(page).toHaveURL(url('/register'));
    await expect(form.pesel).toHaveValue('');
    await expect(form.pesel).toBeEditable();
    const [held] = await db!.db
      .select({ identity: wkRequests.identity })
      .from(wkRequests)
      .where(isNotNull(wkRequests.handleUsedAt))
      .limit(1);
    expect(held).toEqual({ identity: null });
  });

  // ---------------------------------------------------------------------------------------------
  // 4. Verify a signed-in patient's account

  async function signInWithPassword(page: Page, login: string, password: string): Promise<AccountPage> {
    const loginPage = new LoginPage(page);
    await loginPage.goto();
    await loginPage.signIn(login, password);
    const account = new AccountPage(page);
    await account.expectShown();
    return account;
  }

  test('a patient confirms their identity through login.gov.pl; another, whose birth date differs (without JavaScript), is told to see the desk', async ({
    browser,
  }) => {
    const patient = await existingPatient();
    const page = await newPage(browser);
    const account = await signInWithPassword(page, patient.data.login, patient.password);
    await expect(account.status).toHaveAttribute('data-account-status', 'unverified');
    stub!.answerNextWith(patient.person);
    expect((await throughNode(page, WK_BUTTONS.verify, true)).status()).toBe(303);
    await expect(page).toHaveURL(url('/account?wk=verified'));
    await expect(page.locator('[role="status"][data-wk-answer="verified"]')).toBeVisible();
    await account.expectVerified();
    // SPEC §12: after the verification /account names the method.
    await expect(account.status).toContainText('przez login.gov.pl');
    expect(await storedAccount(patient.data.login)).toMatchObject({ status: 'verified', method: 'login.gov.pl' });

    // Same PESEL, names as the record, but another birth date: nothing changes. Without JavaScript.
    const other = await existingPatient();
    const otherPage = await newPage(browser, false);
    const otherAccount = await signInWithPassword(otherPage, other.data.login, other.password);
    const wrongBirthDate = other.person.birthDate.startsWith('1999') ? '1998-01-01' : '1999-01-01';
    stub!.answerNextWith({ ...other.person, birthDate: wrongBirthDate });
    expect((await throughNode(otherPage, WK_BUTTONS.verify, false)).status()).toBe(303);
    await expect(otherPage).toHaveURL(url('/account?wk=mismatch'));
    await expect(otherPage.locator('[role="status"][data-wk-answer="mismatch"]')).toContainText('Skontaktuj się z rejestracją');
    await expect(otherAccount.status).toHaveAttribute('data-account-status', 'unverified');
    expect(await storedAccount(other.data.login)).toMatchObject({ status: 'active', method: null });
  });

  // ---------------------------------------------------------------------------------------------
  // 5. Hostile answers, a replayed artifact, an artifact in another browser

  for (const [index, mode] of HOSTILE_MODES.entries()) {
    test(`hostile answer "${mode}": a 4xx refusal page, no session`, async ({ browser }) => {
      // The answer names an existing patient: were it accepted, that patient would be signed in.
      const patient = await existingPatient();
      // The first refusal page is also checked for reflow at 360 px.
      const page = await newPage(browser, true, index === 0 ? { width: 360, height: 740 } : undefined);
      await page.goto('/login');
      stub!.answerNextWith(mode, patient.person);
      const acs = await throughNode(page, WK_BUTTONS.login, true);
      expect(acs.status()).toBeGreaterThanOrEqual(400);
      expect(acs.status()).toBeLessThan(500);
      const refusal = new WkRefusalPage(page);
      // A check of the answer refused it, not a failure to reach the node (which would prove nothing).
      expect(await refusal.reason()).not.toMatch(/^(transport)?$/);
      await expect(refusal.backToLogin).toBeVisible();
      if (index === 0) {
        await expectNoAxeViolations(page);
        await expectNoHorizontalScroll(page);
      }
      await expectSignedOut(page);
      expect(stub!.requests.resolves.at(-1)?.answer).toBe(mode);
      expect(await storedAccount(patient.data.login)).toMatchObject({ status: 'active', method: null });
    });
  }

  test('an unverified account is not signed in to through login.gov.pl: its PESEL is only what its registrant typed', async ({
    browser,
  }) => {
    const squatter = await existingPatient();
    const page = await newPage(browser);
    await page.goto('/login');
    stub!.answerNextWith(squatter.person);
    const acs = await throughNode(page, WK_BUTTONS.login, true);
    expect(acs.status()).toBe(400);
    expect(await new WkRefusalPage(page).reason()).toBe('unverified_account');
    await expectSignedOut(page);
  });

  test('an artifact already used (replayed in a fresh browser with a sign-in of its own open) is refused', async ({ browser }) => {
    expect(spentAcsUrl, 'the sign-in test ran first and kept its ACS address').toBeTruthy();
    const page = await newPage(browser);
    // This browser starts a sign-in (the stub shows its list of people), then brings the old artifact.
    await page.goto('/login');
    await page.getByRole('button', { name: WK_BUTTONS.login, exact: true }).click();
    await expect(page).toHaveURL(stub!.ssoUrl);
    const answer = await page.goto(spentAcsUrl!);
    expect(answer?.status()).toBe(400);
    expect(await new WkRefusalPage(page).reason()).toBe('artifact_reused');
    await expectSignedOut(page);
  });

  test('a valid artifact brought to a browser that did not start the request is refused', async ({ browser }) => {
    const patient = await existingPatient();
    const victim = await newPage(browser);
    // The starting browser never reaches the ACS: the node's answer (its 303 with the artifact) is
    // taken on the way and the browser shown a blank page instead.
    let artifactUrl = '';
    await victim.route(stub!.ssoUrl, async (route) => {
      const nodeAnswer = await route.fetch({ maxRedirects: 0 });
      artifactUrl = nodeAnswer.headers()['location'] ?? '';
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'taken' });
    });
    await victim.goto('/login');
    stub!.answerNextWith(patient.person);
    await victim.getByRole('button', { name: WK_BUTTONS.login, exact: true }).click();
    await expect(victim.getByText('taken')).toBeVisible();
    expect(artifactUrl).toContain(`${ACS_URL}?SAMLart=`);

    const resolvesBefore = stub!.requests.resolves.length;
    const attacker = await newPage(browser);
    const answer = await attacker.goto(artifactUrl);
    expect(answer?.status()).toBe(400);
    expect(await new WkRefusalPage(attacker).reason()).toBe('request_unknown');
    await expectSignedOut(attacker);
    // Refused before anything reached the node: a browser without a request of its own costs no SOAP call.
    expect(stub!.requests.resolves).toHaveLength(resolvesBefore);
  });

  // ---------------------------------------------------------------------------------------------
  // 6. The redirect page as a browser without JavaScript keeps it (until "Dalej"). axe itself
  // needs JavaScript, so the context keeps it and only the page's own script is stopped: its real
  // answer, with the policy's script-src narrowed to 'none' (axe runs through DevTools, outside it).

  test('the page that carries the request to the node is accessible and binds the request to this browser', async ({ browser }) => {
    const page = await newPage(browser);
    await page.route(url('/api/wk/start'), async (route) => {
      const response = await route.fetch();
      const policy = (response.headers()['content-security-policy'] ?? '').replace(/script-src [^;]*/, "script-src 'none'");
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
    await page.goto('/login');
    await page.getByRole('button', { name: WK_BUTTONS.login, exact: true }).click();
    await new WkRedirectPage(page).expectShown();
    await expectNoAxeViolations(page);
    const cookie = (await page.context().cookies(ACS_URL)).find((c) => c.name === 'erej-wk-request');
    expect(cookie, 'the request is bound to this browser').toMatchObject({ path: '/api/wk/acs', httpOnly: true });
  });

  // ---------------------------------------------------------------------------------------------
  // 7. Metadata with the node configured; no button and no metadata without it

  test('the service metadata names the ACS with the Artifact binding', async ({ request }) => {
    const answer = await request.get(url('/api/wk/metadata'));
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('xml');
    const xml = await answer.text();
    const acs = /<md:AssertionConsumerService\b[^>]*>/.exec(xml)?.[0] ?? '';
    expect(acs).toContain(`Binding="${ARTIFACT_BINDING}"`);
    expect(acs).toContain(`Location="${ACS_URL}"`);
    expect(xml).toContain(`entityID="${APP_URL}"`);
  });

  test('without WK_* (the main e2e server) there is no login.gov.pl button anywhere and no metadata', async ({ page, request }) => {
    expect((await request.get('/api/wk/metadata')).status()).toBe(404);
    for (const pathname of ['/login', '/register']) {
      await page.goto(pathname);
      await expect(page.getByRole('main')).toBeVisible();
      await expect(anyWkButton(page), pathname).toHaveCount(0);
    }
    const patient = await registerAndActivate(page);
    const account = await signInPatient(page, patient);
    await account.expectUnverified();
    await expect(anyWkButton(page)).toHaveCount(0);
  });
});
