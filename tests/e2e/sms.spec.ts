// SMS through SMSAPI end to end (issue 21, SPEC §18): a production build with SMSAPI_TOKEN set,
// pointed at a fake SMSAPI on 127.0.0.1 (tests/helpers/fake-smsapi.ts). A patient who registers
// with a mobile and the SMS consent gets one SMS when the desk verifies them and one when their
// email is changed — with the facility's name, no link with a token, the Bearer token and an idx —
// and nothing before; a patient who withdrew the consent gets none; the dev mailbox shows both
// channels. One fake and one standalone server (its own database: PostgreSQL when there is one,
// PGlite otherwise; demo staff without a second factor) for the file; the tests share its people.
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { startFakeSmsapi, type AcceptedSms, type FakeSmsapi } from '../helpers/fake-smsapi';
import type { Person } from '../helpers/people';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { ConsentsPanel } from './pages/consents-panel';
import { LoginPage } from './pages/login-page';
import { SettingsPage } from './pages/settings-page';
import { createDatabase, startStandalone, type StandaloneServer } from './standalone';
import { postgresBase } from './support/database';
import { EMAIL_CONFIRM_HREF } from './support/links';
import { DevMailbox } from './support/mailbox';
import { newAddress, registerAndActivate, signInPatient, type Patient } from './support/patients';
import { DevSmsList, smsStatus } from './support/sms-mailbox';
import { STAFF, openDetail } from './support/staff';
import { ACTIVATION_SUBJECT, EMAIL_CONFIRM_SUBJECT, EMAIL_NOTICE_SUBJECT, VERIFIED_SUBJECT } from './support/words';

const PORT = 3361;
/** The facility's name by default (SPEC §12): every SMS names it. */
const FACILITY_NAME = 'SPZOZ w Łęcznej';
const SENDER_NAME = 'Szpital';
/** Patient A consents to SMS; patient B gives a mobile too, and withdraws the consent. */
const PHONE_A = { typed: '600 100 200', e164: '+48600100200' };
const PHONE_B = { typed: '601 202 303', e164: '+48601202303' };
/** What an SMS must never carry: a link, least of all one with a token (SPEC §18). */
const LINK_OR_TOKEN = /https?:\/\/|token=|\/activate|\/password\/reset|\/account\/email\/confirm/;
/** How long the outbox worker may take to hand a queued SMS over (it polls every 5 s at worst). */
const DELIVERY = { timeout: 20_000, intervals: [200, 500, 1_000] };

test.describe.configure({ mode: 'serial' });

test.describe('SMS notices through SMSAPI', () => {
  let fake: FakeSmsapi | undefined;
  let server: StandaloneServer | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let pgliteDir: string | undefined;
  const contexts: BrowserContext[] = [];

  /** The state the tests hand on: A's browser (signed in from step 3), A, the desk's browser. */
  let patientA: Patient | undefined;
  let pageA: Page | undefined;
  let desk: Page | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    fake = await startFakeSmsapi({ token: `smsapi-e2e-${Date.now()}` });
    if (postgresBase) database = await createDatabase();
    else pgliteDir = path.resolve(`.data/e2e-sms-${Date.now()}`);
    server = await startStandalone(PORT, {
      ...(database ? { DATABASE_URL: database.url, PGLITE_DIR: undefined } : { DATABASE_URL: '', PGLITE_DIR: pgliteDir }),
      DEV_MAILBOX: '1',
      DEMO_SEED: '1',
      // Second factors are tested elsewhere; this server's fresh staff need no enrolment (and the
      // run's shared TOTP secrets stay untouched).
      STAFF_MFA: 'optional',
      SMSAPI_TOKEN: fake.token,
      SMSAPI_URL: fake.url,
      SMS_FROM: SENDER_NAME,
      // No quiet hours: the verification notice goes at once, whatever the hour of the run.
      SMS_QUIET_HOURS: '',
      // Every test comes from 127.0.0.1: the limits are tested on their own (rate-limits.spec.ts).
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '100000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
      RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '100000',
      RATE_LIMIT_LINKS_PER_IP_HOUR: '100000',
    });
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await server?.stop();
    await fake?.close();
    await database?.drop();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  /** A page in a browser of its own on this file's server (kept open for the later tests). */
  async function open(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ baseURL: server!.url, locale: 'pl-PL', timezoneId: 'Europe/Warsaw' });
    contexts.push(context);
    return context.newPage();
  }

  /** What the fake SMSAPI took for `e164`, oldest first. */
  const smsTo = (e164: string): AcceptedSms[] => fake!.accepted.filter((sms) => sms.to === e164);

  /** The registrar signs in at the desk (no second factor on this server). */
  async function signInDesk(browser: Browser): Promise<Page> {
    const page = await open(browser);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(STAFF.registrar.login, STAFF.registrar.password);
    await expect(page).toHaveURL(/\/admin\/verifications$/);
    return page;
  }

  /** The desk confirms the person's identity against an ID card. */
  async function verifyAtDesk(person: Person): Promise<void> {
    const detail: AccountDetailPage = await openDetail(desk!, person);
    await expect(detail.status).toHaveAttribute('data-account-status', 'active');
    await detail.document('Dowód osobisty').check();
    await detail.verify.click();
    await expect(detail.message).toHaveText('Tożsamość potwierdzona. Konto jest zweryfikowane.');
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
  }

  test('a patient registers with a mobile and the SMS consent and activates the account: no SMS yet', async ({ browser }) => {
    pageA = await open(browser);
    patientA = await registerAndActivate(pageA, { phone: PHONE_A.typed });
    // Activation and a first password are no SMS notice: nothing is queued, so nothing can go.
    await expect(await new DevSmsList(pageA).textsTo(PHONE_A.e164)).toHaveCount(0);
    expect(smsTo(PHONE_A.e164)).toEqual([]);
    expect(fake!.requests).toEqual([]);
  });

  test('the desk verifies the patient: exactly one SMS, with the facility, no link, sent with the token and an idx', async ({
    browser,
  }) => {
    desk = await signInDesk(browser);
    await verifyAtDesk(patientA!.person);

    await expect.poll(() => smsTo(PHONE_A.e164).length, DELIVERY).toBe(1);
    const [sms] = smsTo(PHONE_A.e164);
    expect(sms!.message).toContain(FACILITY_NAME);
    expect(sms!.message).toContain(patientA!.person.firstName);
    // The portal's address as plain text (its host), never a link.
    expect(sms!.message).toContain(new URL(server!.url).host);
    expect(sms!.message).not.toMatch(LINK_OR_TOKEN);
    expect(sms!.message).not.toContain(patientA!.person.pesel);
    expect(sms!.from).toBe(SENDER_NAME);

    const request = fake!.requests.find((r) => r.body.to === PHONE_A.e164);
    expect(request).toMatchObject({ path: '/sms.do', method: 'POST', authorization: `Bearer ${fake!.token}`, outcome: 'accepted' });
    // The row's idempotency key, which the provider checks: a retry can never reach the phone twice.
    expect(request!.body.idx).toMatch(/\S/);
    expect(request!.body.idx).toBe(sms!.idx);
    expect([true, 1, '1', 'true']).toContain(request!.body.check_idx);
    expect(fake!.requests).toHaveLength(1);
  });

  test('the patient changes their email and confirms it from the new mailbox: exactly one more SMS, and no third', async () => {
    const page = pageA!;
    const patient = patientA!;
    await signInPatient(page, patient);
    const settings = new SettingsPage(page);
    await settings.goto();
    const address = newAddress(patient.person);
    await settings.requestEmail(address, patient.password);
    await expect(page).toHaveURL(/done=email-sent$/);
    // Asking is not changing: no SMS until the new address is confirmed.
    await expect(await new DevSmsList(page).textsTo(PHONE_A.e164)).toHaveCount(1);

    const href = await new DevMailbox(page).latestLink(address, EMAIL_CONFIRM_SUBJECT, EMAIL_CONFIRM_HREF);
    await page.goto(href);
    await page.getByRole('button', { name: 'Potwierdź nowy adres', exact: true }).click();
    await expect(page).toHaveURL(/\/account\/settings\?done=email-confirmed$/);
    await expect(settings.currentEmail).toHaveText(address);

    await expect.poll(() => smsTo(PHONE_A.e164).length, DELIVERY).toBe(2);
    const [verified, emailChanged] = smsTo(PHONE_A.e164);
    expect(emailChanged!.message).toContain(FACILITY_NAME);
    expect(emailChanged!.message).toContain('zmieniono Twój email');
    expect(emailChanged!.message).not.toMatch(LINK_OR_TOKEN);
    // Neither the old nor the new address is in the text: the phone may be seen by others.
    expect(emailChanged!.message).not.toContain(address);
    expect(emailChanged!.message).not.toContain(patient.person.email);
    expect(emailChanged!.idx).not.toBe(verified!.idx);

    // The outbox is idle for A: both rows sent, nothing pending or on its way — so no third SMS can
    // come — and the provider was asked exactly twice (no retry, no duplicate).
    const texts = await new DevSmsList(page).textsTo(PHONE_A.e164);
    await expect(texts).toHaveCount(2);
    for (const item of await texts.all()) await expect(item).toContainText(smsStatus('sent'));
    expect(smsTo(PHONE_A.e164)).toHaveLength(2);
    expect(fake!.requests.filter((r) => r.body.to === PHONE_A.e164)).toHaveLength(2);
  });

  test('a patient who withdrew the SMS consent gets no SMS when verified', async ({ browser }) => {
    // SPEC §8: a mobile number is asked for the SMS consent; the patient may withdraw it later
    // (RODO), and from then on no SMS goes to them.
    const page = await open(browser);
    const patient = await registerAndActivate(page, { phone: PHONE_B.typed });
    const person = patient.person;
    await signInPatient(page, patient);
    const consents = new ConsentsPanel(page);
    await expect(consents.state('sms')).toHaveText('Wyrażona');
    await consents.button('Wycofaj', 'Powiadomienia SMS').click();
    await expect(consents.status).toHaveText('Zapisano wycofanie zgody.');
    await expect(consents.state('sms')).toHaveText('Wycofana');

    await verifyAtDesk(person);
    // The verification committed with its notices (the email is there); an SMS would have been
    // queued in the same transaction, so its absence from the outbox is final.
    await expect((await new DevMailbox(page).messagesTo(person.email)).filter({ hasText: VERIFIED_SUBJECT })).toHaveCount(1);
    await expect(await new DevSmsList(page).textsTo(PHONE_B.e164)).toHaveCount(0);
    expect(smsTo(PHONE_B.e164)).toEqual([]);
    expect(fake!.requests.filter((r) => r.body.to === PHONE_B.e164)).toEqual([]);
  });

  test("the dev mailbox shows both channels: the patient's emails and SMS", async ({ browser }) => {
    const page = await open(browser);
    const patient = patientA!;
    const mailbox = new DevMailbox(page);
    const oldAddress = await mailbox.messagesTo(patient.person.email);
    for (const subject of [ACTIVATION_SUBJECT, VERIFIED_SUBJECT, EMAIL_NOTICE_SUBJECT])
      await expect(oldAddress.filter({ has: page.getByRole('link', { name: subject, exact: true }) })).toHaveCount(1);
    const newAddressItems = await mailbox.messagesTo(newAddress(patient.person));
    await expect(newAddressItems.filter({ has: page.getByRole('link', { name: EMAIL_CONFIRM_SUBJECT, exact: true }) })).toHaveCount(1);

    const sms = new DevSmsList(page);
    const texts = await sms.textsTo(PHONE_A.e164);
    // Newest first: the email change, then the verification — the very texts the provider took.
    const [verified, emailChanged] = smsTo(PHONE_A.e164);
    await expect(sms.body(texts)).toHaveText([emailChanged!.message, verified!.message]);
    for (const item of await texts.all()) {
      await expect(item.getByTestId('sms-recipient')).toHaveText(PHONE_A.e164);
      await expect(item).toContainText(smsStatus('sent'));
    }
  });
});
