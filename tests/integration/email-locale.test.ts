// Issue 13: every email to a patient is written in the language stored with the account
// (web_accounts.locale), whichever language the page that caused it was shown in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailOutbox, type OutboxMessage } from '@/db/schema';
import { requestPasswordReset } from '@/lib/account/send-account-links';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { announceSignInLockLater } from '@/lib/account/sign-in-lock';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { RenderedEmail } from '@/lib/mail/outbox';
import { wordsFor } from '@/lib/messages';
import { pl } from '@/lib/messages/pl';
import { registerPatient } from '@/lib/registration/register-patient';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { resendActivationByStaff, verifyAccount } from '@/lib/staff/verification-decisions';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { newRegistrar, PASSWORD } from '../helpers/accounts';
import { context, person } from '../helpers/registration';

// Read lazily by lib/env at the first render; the same settings as tests/fixtures/emails-pl.json.
process.env.FACILITY_PHONE = '81 752 10 00';
process.env.MAIL_INCLUDE_LOGIN = '1';
process.env.NOTIFY_EMAIL_OWNER_ON_CONFLICT = '1';

const golden = JSON.parse(readFileSync(path.resolve('tests/fixtures/emails-pl.json'), 'utf8')) as Record<string, RenderedEmail>;
const DESK = 'Punkt Rejestracji Pacjenta';

describeEachDatabase('emails in the account language', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  async function mailOf(accountId: string, template: string): Promise<OutboxMessage> {
    const [mail] = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, template)))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    if (!mail) throw new Error(`no ${template} email`);
    return mail;
  }

  /** Registered with the page in `locale` (or without one: Polish); `activate` sets its password. */
  async function patient(locale: Locale | undefined, { activate = false } = {}) {
    const data = person();
    const outcome = await registerPatient(db(), data, context({ locale }));
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const activation = await mailOf(outcome.accountId, 'activation');
    if (activate) {
      const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(activation.text)![1]!;
      const set = await setPasswordWithToken(db(), { purpose: 'activation', token, password: PASSWORD, repeat: PASSWORD });
      if (set.status !== 'ok') throw new Error(set.status);
    }
    return { data, accountId: outcome.accountId, activation };
  }

  it('writes the activation email of an account registered in English in English', async () => {
    const { activation } = await patient('en');
    const t = wordsFor('en').email.activation;
    expect(activation.subject).toBe(t.subject);
    expect(activation.html).toContain('lang="en"');
    expect(activation.text).toContain(t.body);
    expect(activation.text).toContain(`${t.desk} ${DESK} (Patient Registration Desk)`);
    expect(activation.text).not.toContain(pl.email.activation.body);
  });

  it('writes the activation email of an account registered in Ukrainian in Ukrainian, with lang="uk"', async () => {
    const { activation, accountId } = await patient('uk');
    const t = wordsFor('uk').email.activation;
    expect(activation.subject).toBe(t.subject);
    expect(activation.html).toContain('lang="uk"');
    expect(activation.text).toContain(t.body);
    expect(activation.text).toContain('тел. 81 752 10 00');
    // A link the desk sends again goes out in the account's language too.
    await resendActivationByStaff(db(), await newRegistrar(db()), accountId);
    const resent = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'activation')));
    expect(resent.map((m) => m.subject)).toEqual([t.subject, t.subject]);
  });

  it('writes a password reset for a Ukrainian account in Ukrainian', async () => {
    const { data, accountId } = await patient('uk', { activate: true });
    await requestPasswordReset(db(), data.login);
    const reset = await mailOf(accountId, 'password_reset');
    const t = wordsFor('uk').email.reset;
    expect(reset.subject).toBe(t.subject);
    expect(reset.html).toContain('lang="uk"');
    expect(reset.text).toContain(t.body);
    expect(reset.text).toContain(t.notYou);
  });

  it('tells a Ukrainian account that its identity was verified in Ukrainian, and shows the desk its language', async () => {
    const { accountId } = await patient('uk', { activate: true });
    expect(await verifyAccount(db(), await newRegistrar(db()), accountId, 'paszport')).toEqual({ ok: true });
    const notice = await mailOf(accountId, 'identity_verified');
    const t = wordsFor('uk').email.verified;
    expect(notice.subject).toBe(t.subject);
    expect(notice.html).toContain('lang="uk"');
    expect(notice.text).toContain(t.body(`${DESK} (пункт реєстрації пацієнтів)`));
    const detail = await getAccountDetail(db(), accountId);
    expect(pl.admin.locales[detail!.account.locale]).toBe('ukraiński');
  });

  it('warns an English account of a sign-in lock in English, with the end in the English date format', async () => {
    const { data, accountId } = await patient('en', { activate: true });
    const until = new Date(Date.now() + 15 * 60_000);
    await announceSignInLockLater(db(), data.login, until, '127.0.0.1');
    const lock = await mailOf(accountId, 'signin_locked');
    const t = wordsFor('en').email.signInLocked;
    expect(lock.subject).toBe(t.subject);
    expect(lock.text).toContain(t.until(formatDateTime(until, 'en')));
  });

  it('tells the owner of an address about a registration attempt in the owner’s language, not the intruder’s', async () => {
    const owner = await patient('uk');
    const intruder = person({ email: owner.data.email });
    expect((await registerPatient(db(), intruder, context({ locale: 'en' }))).status).toBe('conflict');
    const notice = await mailOf(owner.accountId, 'registration_attempt');
    expect(notice.subject).toBe(wordsFor('uk').email.attempt.subject);
    expect(notice.html).toContain('lang="uk"');
  });

  it('leaves a Polish account’s emails exactly as they were', async () => {
    for (const locale of ['pl', undefined] as const) {
      const { data, accountId, activation } = await patient(locale, { activate: true });
      await requestPasswordReset(db(), data.login);
      const reset = await mailOf(accountId, 'password_reset');
      // The fixture was rendered with the token TOKEN and the login pacjent.golden.
      const asGolden = (mail: OutboxMessage) => {
        const token = /\/(?:activate|password\/reset)\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
        const swap = (s: string) => s.replaceAll(token, 'TOKEN').replaceAll(data.login, 'pacjent.golden');
        return { template: mail.template, subject: mail.subject, html: swap(mail.html), text: swap(mail.text) };
      };
      expect(asGolden(activation)).toEqual(golden.activation);
      expect(asGolden(reset)).toEqual(golden.passwordReset);
    }
  });
});
