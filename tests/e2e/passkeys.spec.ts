// Passkeys and levels of assurance end to end (issue 22, SPEC §19): Chromium's virtual
// authenticator (CTAP2, resident keys, user verification) against a production build. A registrar
// adds a security key and signs in with it alone, or with it after the password instead of a code;
// a registrar whose only second factor is a key cannot remove it; a patient adds a passkey (and is
// emailed) and signs in with it; a replayed sign-in, a counter that goes back and a page of another
// origin are each refused; /account and the desk say how the patient signed in; axe is clean.
//
// WebAuthn refuses an IP address as the relying party, and the RP ID is APP_URL's host: this file
// has its own standalone server with APP_URL=http://localhost:PORT (Chromium treats localhost as a
// secure context), its own database (PostgreSQL when there is one, PGlite otherwise) and
// STAFF_MFA=required, so that the refusal of the last factor is real. The tests run in order and
// hand on their people and pages: each virtual authenticator belongs to its page.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { AccountPage } from './pages/account-page';
import { CodePage } from './pages/code-page';
import { EnrolmentPage } from './pages/enrolment-page';
import { LoginPage } from './pages/login-page';
import { AssuranceSection, PasskeySection, PasskeySignInCard } from './pages/passkey-pages';
import { createDatabase, startStandalone, type StandaloneServer } from './standalone';
import { expectNoAxeViolations } from './support/accessibility';
import { postgresBase } from './support/database';
import { DevMailbox } from './support/mailbox';
import { preparePasskeyStaff, type PasskeyStaff, type StaffMember } from './support/passkey-staff';
import { registerAndActivate, signInPatient, type Patient } from './support/patients';
import { signOut } from './support/sign-out';
import { openDetail } from './support/staff';
import { withLoginLock } from './support/totp';
import { VirtualAuthenticator } from './support/virtual-authenticator';

const PORT = 3371;
/** The portal's address: a host name, never an IP address, or WebAuthn has no relying party. */
const ORIGIN = `http://localhost:${PORT}`;
/** The same server under another origin: its pages ask for `localhost`'s keys, which the browser refuses. */
const OTHER_ORIGIN = `http://127.0.0.1:${PORT}`;

// What the pages say (lib/messages/pl.ts, pl-self-service.ts), written out so a change fails here.
const WORDS = {
  staffKeyAdded: (name: string) => `Dodano klucz bezpieczeństwa „${name}”. Możesz nim logować się zamiast hasła i kodu.`,
  patientKeyAdded: (name: string) => `Dodano klucz dostępu „${name}”. Możesz nim logować się zamiast hasła.`,
  keyRemoved: 'Klucz został usunięty: nie można się już nim zalogować.',
  lastFactor: 'Nie można usunąć ostatniego drugiego składnika, dopóki jest wymagany. Najpierw dodaj inny klucz albo włącz kod z aplikacji.',
  signInFailed: 'Nie udało się zalogować tym kluczem. Spróbuj ponownie albo zaloguj się hasłem.',
  keyOnlyIntro: 'Potwierdź logowanie kluczem bezpieczeństwa lub kluczem dostępu.',
  passkeyEmail: 'Do konta w portalu E-Rejestracja dodano klucz dostępu',
  never: 'nigdy',
  ways: {
    password: 'hasłem',
    passkey: 'kluczem dostępu (dwa składniki: klucz i odcisk palca, twarz lub PIN)',
  },
  identities: { none: 'jeszcze niepotwierdzona', desk: 'potwierdzona w rejestracji na podstawie dokumentu' },
} as const;

const STAFF_KEY = 'Klucz YubiKey';
const PATIENT_KEY = 'Telefon';

test.describe.configure({ mode: 'serial' });

test.describe('passkeys and levels of assurance', () => {
  let server: StandaloneServer | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let pgliteDir: string | undefined;
  let staff: PasskeyStaff;
  const contexts: BrowserContext[] = [];

  /** Handed on: the registrar's page and key, the patient, their page and passkey. */
  let desk: Page | undefined;
  let deskKey: VirtualAuthenticator | undefined;
  let patient: Patient | undefined;
  let patientPage: Page | undefined;
  let patientKey: VirtualAuthenticator | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (postgresBase) database = await createDatabase();
    else pgliteDir = path.resolve(`.data/e2e-passkeys-${Date.now()}`);
    // Before the server starts: PGlite's folder has one opener at a time.
    staff = await preparePasskeyStaff(database ? { url: database.url } : { dataDir: pgliteDir }, new URL(ORIGIN).hostname);
    server = await startStandalone(PORT, {
      ...(database ? { DATABASE_URL: database.url, PGLITE_DIR: undefined } : { DATABASE_URL: '', PGLITE_DIR: pgliteDir }),
      APP_URL: ORIGIN,
      DEV_MAILBOX: '1',
      DEMO_SEED: '0',
      STAFF_MFA: 'required',
      // Every test comes from 127.0.0.1: the limits are tested on their own (rate-limits.spec.ts);
      // /login asks for a passkey challenge on every visit (the autofill).
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '100000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
      RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '100000',
      RATE_LIMIT_LINKS_PER_IP_HOUR: '100000',
      RATE_LIMIT_PASSKEY_PER_IP_15MIN: '100000',
    });
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await server?.stop();
    await database?.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  /**
   * A page in a browser of its own (kept open for the later tests). Chromium's virtual environment
   * answers the login field's autofill (conditional mediation) at once with the first passkey it
   * holds, which would sign the page in before the button could be pressed; so these browsers say
   * they have no autofill (as browsers without it do) unless `autofill`, whose test is its own.
   */
  async function open(browser: Browser, { autofill = false } = {}): Promise<Page> {
    const context = await browser.newContext({ baseURL: ORIGIN, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    contexts.push(context);
    if (!autofill)
      await context.addInitScript(() => {
        if (globalThis.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
      });
    return context.newPage();
  }

  /** The staff member's first sign-in: the password, then enrolment of a TOTP code (STAFF_MFA=required). */
  async function enrolAtFirstSignIn(page: Page, member: StaffMember): Promise<void> {
    await withLoginLock(member.login, async () => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(member.login, member.password);
      await expect(page).toHaveURL(/\/login\/mfa-setup$/);
      const enrolment = new EnrolmentPage(page);
      await enrolment.enrol(member.login);
      await enrolment.continue.click();
    });
    await expect(page).toHaveURL(/\/admin\/verifications$/);
  }

  /** Whether this browser has a session for `/account` (a patient's) — asked without following redirects. */
  async function accountAnswer(page: Page, origin = ORIGIN): Promise<{ status: number; location: string }> {
    const answer = await page.context().request.get(`${origin}/account`, { maxRedirects: 0 });
    return { status: answer.status(), location: answer.headers()['location'] ?? '' };
  }

  const staffSignOut = (page: Page) => signOut(page.getByRole('button', { name: 'Wyloguj', exact: true }));

  test('a registrar adds a security key and signs in with it alone, and with the password instead of a code', async ({ browser }) => {
    desk = await open(browser);
    deskKey = await VirtualAuthenticator.attach(desk, 'usb');
    await enrolAtFirstSignIn(desk, staff.registrar);

    await desk.goto('/admin/mfa');
    const keys = new PasskeySection(desk, 'staff');
    await expect(keys.section.getByText('Nie dodano jeszcze żadnego klucza bezpieczeństwa.')).toBeVisible();
    await keys.addKey(STAFF_KEY);
    await expect(keys.notices.filter({ hasText: WORDS.staffKeyAdded(STAFF_KEY) })).toBeVisible();
    await expect(keys.item(STAFF_KEY)).toContainText(`Ostatnio użyty: ${WORDS.never}`);
    // The key the browser made: discoverable (it names the account itself), for this RP ID only.
    const made = await deskKey.only();
    expect(made).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });

    // The key alone: no login, no password typed — possession and its PIN are both factors.
    await staffSignOut(desk);
    await new PasskeySignInCard(desk).press();
    await expect(desk).toHaveURL(/\/admin\/verifications$/);
    await expect(desk.getByRole('heading', { level: 1, name: 'Weryfikacja kont pacjentów' })).toBeVisible();
    // The registrar sees how they signed in, beside their name.
    await expect(desk.locator('[data-signed-in-with]')).toHaveText(/, kluczem bezpieczeństwa$/);
    // A staff session without two factors would be ended at once (STAFF_MFA=required): the area opens.
    await desk.goto('/admin/mfa');
    await expect(keys.item(STAFF_KEY)).not.toContainText(`Ostatnio użyty: ${WORDS.never}`);

    // The password, then the key instead of a code.
    await staffSignOut(desk);
    await new LoginPage(desk).signIn(staff.registrar.login, staff.registrar.password);
    await expect(desk).toHaveURL(/\/login\/code$/);
    const code = new CodePage(desk);
    await expect(code.code).toBeVisible();
    await expectNoAxeViolations(desk);
    await new PasskeySignInCard(desk, 'second').press();
    await expect(desk).toHaveURL(/\/admin\/verifications$/);
    await expect(desk.locator('[data-signed-in-with]')).toHaveText(/, hasłem i kluczem bezpieczeństwa$/);
    expect((await deskKey.only()).signCount).toBeGreaterThan(made.signCount);
  });

  test('a registrar whose only second factor is a key signs in with it after the password, and cannot remove it', async ({ browser }) => {
    const page = await open(browser);
    const key = await VirtualAuthenticator.attach(page, 'usb');
    await key.add(staff.keyOnly.credential);
    const member = staff.keyOnly;

    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(member.login, member.password);
    await expect(page).toHaveURL(/\/login\/code$/);
    // No code to type: the key is the one way on.
    await expect(page.getByText(WORDS.keyOnlyIntro, { exact: true })).toBeVisible();
    await expect(new CodePage(page).code).toHaveCount(0);
    await new PasskeySignInCard(page, 'second').press();
    await expect(page).toHaveURL(/\/admin\/verifications$/);

    await page.goto('/admin/mfa');
    const keys = new PasskeySection(page, 'staff');
    await expect(keys.item(member.keyName)).toBeVisible();
    await keys.remove(member.keyName).click();
    await expect(keys.alert).toHaveText(WORDS.lastFactor);
    await expect(keys.item(member.keyName)).toBeVisible();
    // Not only on the screen: the key is still there when the page is read again, and still signs in.
    await page.reload();
    await expect(keys.item(member.keyName)).toBeVisible();
    await staffSignOut(page);
    await new PasskeySignInCard(page).press();
    await expect(page).toHaveURL(/\/admin\/verifications$/);
  });

  test('a patient signs in with the password, adds a passkey (and is emailed), then signs in with the passkey', async ({ browser }) => {
    patientPage = await open(browser);
    const page = patientPage;
    patientKey = await VirtualAuthenticator.attach(page, 'internal');
    patient = await registerAndActivate(page);
    const account = await signInPatient(page, patient);
    const assurance = new AssuranceSection(page);
    await expect(assurance.way).toHaveText(WORDS.ways.password);
    await expect(assurance.identity).toHaveText(WORDS.identities.none);

    await page.goto('/account/settings');
    const keys = new PasskeySection(page, 'patient');
    await keys.addKey(PATIENT_KEY);
    await expect(keys.notices.filter({ hasText: WORDS.patientKeyAdded(PATIENT_KEY) })).toBeVisible();
    await expect(keys.item(PATIENT_KEY)).toBeVisible();
    expect(await patientKey.credentials()).toHaveLength(1);

    // The notice went out in the transaction that stored the key.
    const mailbox = new DevMailbox(page);
    await mailbox.openEmail(patient.person.email, WORDS.passkeyEmail);
    await expect(page.locator('pre')).toContainText(`„${PATIENT_KEY}”`);

    await account.goto();
    await signOut(account.signOut);
    await new PasskeySignInCard(page).press();
    await account.expectShown();
    await expect(assurance.way).toHaveText(WORDS.ways.passkey);
    await expect(assurance.identity).toHaveText(WORDS.identities.none);
  });

  test('a sign-in answer posted again from another browser is refused: its challenge was spent', async ({ browser }) => {
    const page = patientPage!;
    const account = new AccountPage(page);
    await signOut(account.signOut);

    // The answer the page sends: the authenticator's assertion (it names the public-key credential).
    const sent = new Promise<Request>((resolve) => {
      const onRequest = (request: Request) => {
        if (request.method() === 'POST' && request.headers()['next-action'] && (request.postData() ?? '').includes('"type":"public-key"')) {
          page.off('request', onRequest);
          resolve(request);
        }
      };
      page.on('request', onRequest);
    });
    await new PasskeySignInCard(page).press();
    await account.expectShown();
    const request = await sent;
    // The captured post is the one that signed in: its answer set the session cookie.
    const sessionCookies = (headers: Array<{ name: string; value: string }>) =>
      headers.filter((h) => h.name.toLowerCase() === 'set-cookie' && /session-token=[^;]/.test(h.value));
    expect(sessionCookies(await (await request.response())!.headersArray())).toHaveLength(1);
    const headers = await request.allHeaders();
    const keep = ['next-action', 'content-type', 'accept', 'origin', 'next-router-state-tree'];

    const thief = await open(browser);
    const replay = await thief.request.post(request.url(), {
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => keep.includes(name))),
      data: request.postDataBuffer()!,
      maxRedirects: 0,
    });
    // The action answers with its refusal (not a redirect) and sets no session cookie.
    expect(replay.status()).toBe(200);
    expect(await replay.text()).toContain(WORDS.signInFailed);
    expect(sessionCookies(replay.headersArray())).toEqual([]);
    expect(await accountAnswer(thief)).toEqual({ status: 307, location: '/login?next=%2Faccount' });
    // The patient's own session is untouched.
    expect((await accountAnswer(page)).status).toBe(200);
  });

  test('a key whose counter goes back (a clone) is refused; the key itself still works', async () => {
    const page = patientPage!;
    const key = patientKey!;
    const account = new AccountPage(page);
    await signOut(account.signOut);

    const credential = await key.only();
    // Registration and two sign-ins: the server keeps the last counter it saw, at least 2.
    expect(credential.signCount).toBeGreaterThanOrEqual(2);
    await key.setCounter(credential, 0);
    const card = new PasskeySignInCard(page);
    await card.press();
    await expect(card.alert).toHaveText(WORDS.signInFailed);
    await expect(page).toHaveURL(/\/login$/);
    expect((await accountAnswer(page)).status).toBe(307);
    // Refused for the counter, after the signature was found good (the log names the check, no person).
    await expect.poll(() => server!.output()).toContain('counter did not grow');

    // Ahead of the stored counter again, the same key signs in: the refusal was the counter's.
    await key.setCounter(await key.only(), credential.signCount + 10);
    await card.press();
    await account.expectShown();
  });

  test('a page of another origin cannot use the key: the browser refuses, the authenticator never signs', async () => {
    // Only the browser's half: the server's own origin and RP ID checks (an assertion made for
    // another site) are proved with a software authenticator in tests/integration/webauthn.test.ts.
    const page = patientPage!;
    const before = (await patientKey!.only()).signCount;
    await page.goto(`${OTHER_ORIGIN}/login`);
    await expect(page.getByRole('heading', { level: 1, name: 'Logowanie do portalu pacjenta' })).toBeVisible();
    const card = new PasskeySignInCard(page);
    await card.press();
    await expect(card.alert).toHaveText(WORDS.signInFailed);
    await expect(page).toHaveURL(`${OTHER_ORIGIN}/login`);
    expect((await patientKey!.only()).signCount).toBe(before);
    expect((await accountAnswer(page, OTHER_ORIGIN)).status).toBe(307);
  });

  test("the patient's passkey in another browser signs in from the login field's autofill", async ({ browser }) => {
    // The same passkey, synced to another device: the browser offers it in the login field
    // (conditional mediation) and signs in without a button; Chromium's virtual environment picks it.
    const page = await open(browser, { autofill: true });
    const key = await VirtualAuthenticator.attach(page, 'internal');
    await key.add(await patientKey!.only());
    await page.goto('/login');
    const account = new AccountPage(page);
    await account.expectShown();
    await expect(new AssuranceSection(page).way).toHaveText(WORDS.ways.passkey);
  });

  test('the desk sees how the patient signed in; once verified, /account says so', async () => {
    const detail = await openDetail(desk!, patient!.person);
    const signIns = desk!.getByRole('region', { name: 'Ostatnie logowania', exact: true }).getByRole('listitem');
    await expect(signIns.first()).toHaveAttribute('data-sign-in-way', 'passkey');
    await expect(signIns.first()).toContainText(`${WORDS.ways.passkey}; tożsamość: ${WORDS.identities.none}`);
    await expect(signIns.filter({ hasText: `— ${WORDS.ways.password};` })).toHaveCount(1);
    // The password once; the passkey in the third test, before the replay, after the clone and from the autofill.
    await expect(desk!.locator('[data-sign-in-way="passkey"]')).toHaveCount(4);
    await expect(desk!.locator('[data-sign-in-way]')).toHaveCount(5);

    await detail.document('Dowód osobisty').check();
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
    // The patient's session began before: /account says how they are identified now.
    const page = patientPage!;
    await page.goto(`${ORIGIN}/account`);
    const assurance = new AssuranceSection(page);
    await expect(assurance.way).toHaveText(WORDS.ways.passkey);
    await expect(assurance.identity).toHaveText(WORDS.identities.desk);
  });

  test('an administrator reads the ways the registrar signed in in the audit log', async ({ browser }) => {
    const page = await open(browser);
    await enrolAtFirstSignIn(page, staff.admin);
    await page.goto('/admin/audit?event=staff.signin.success');
    const rows = page.getByRole('row').filter({ hasText: staff.registrar.login });
    await expect(rows.filter({ hasText: 'amr: pwd otp mfa' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'amr: hwk user mfa' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'amr: pwd hwk user mfa' })).toHaveCount(1);
  });

  test('the passkey pages have no axe violations', async ({ browser }) => {
    await desk!.goto('/admin/mfa');
    await expect(new PasskeySection(desk!, 'staff').item(STAFF_KEY)).toBeVisible();
    await expectNoAxeViolations(desk!);

    const page = patientPage!;
    await page.goto('/account/settings');
    await expect(new PasskeySection(page, 'patient').item(PATIENT_KEY)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/account');
    await expect(new AssuranceSection(page).way).toBeVisible();
    await expectNoAxeViolations(page);

    const visitor = await open(browser);
    await visitor.goto('/login');
    await expect(new PasskeySignInCard(visitor).button).toBeEnabled();
    await expectNoAxeViolations(visitor);
  });

  test('a registrar with a code too may remove their key, and then it signs no one in', async () => {
    const page = desk!;
    await page.goto('/admin/mfa');
    const keys = new PasskeySection(page, 'staff');
    await keys.remove(STAFF_KEY).click();
    await expect(keys.notices.filter({ hasText: WORDS.keyRemoved })).toBeVisible();
    await expect(keys.item(STAFF_KEY)).toHaveCount(0);

    await staffSignOut(page);
    const card = new PasskeySignInCard(page);
    await card.press();
    await expect(card.alert).toHaveText(WORDS.signInFailed);
    await expect(page).toHaveURL(/\/login$/);
  });
});
