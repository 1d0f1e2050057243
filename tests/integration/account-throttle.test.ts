// Per-account throttling of sign-in (NIST SP 800-63B rev 4, 5.2.2; issue 9): failures counted
// per login from any address, growing waits, a temporary lock whose owner is emailed a reset
// link, lifting by the desk (audited) and by the staff CLI; unknown logins answered exactly
// like real ones. Default thresholds: waits after 10 consecutive failures, lock at 50.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, emailOutbox, staffAccounts } from '@/db/schema';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { signInWithLimits, type SignInResult } from '@/lib/auth/authenticate';
import { registerPatient } from '@/lib/registration/register-patient';
import { UNTIL_LIFTED, admitAttempt, signInLockOf } from '@/lib/security/account-throttle';
import { liftSignInLockByStaff, unlockLogin } from '@/lib/staff/sign-in-locks';
import { addStaff } from '@/lib/staff/staff-accounts';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person, uniqueSuffix } from '../helpers/registration';

const PASSWORD = 'Zielona#Lampa7';
const WRONG = 'Zielona#Lampa8';
const STAFF_PASSWORD = 'Rejestracja#2026x';
const DELAY_AFTER = 10;
const LOCK_AFTER = 50;
const MINUTE = 60_000;

/** A different documentation-range address (RFC 5737 / 2544) for attempt `i`. */
const address = (i: number) => `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** What the caller learns from an answer: its reason and, when limited, how long to wait. */
const answer = (r: SignInResult) => (r.ok ? 'ok' : r.reason === 'limited' ? `limited ${r.retryAfterSeconds}` : r.reason);

describeEachDatabase('per-account sign-in throttling', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  /** A patient who set a password (status active). */
  async function activePatient() {
    const data = person();
    const outcome = await registerPatient(db(), data, context());
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
    const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const set = await setPasswordWithToken(db(), { purpose: 'activation', token, password: PASSWORD, repeat: PASSWORD });
    if (set.status !== 'ok') throw new Error(set.status);
    return { login: data.login, email: data.email, accountId: outcome.accountId };
  }

  /** Counts `n` failures on `login` the cheap way (no password check), as sign-in would. */
  async function fail(login: string, n: number, now: Date) {
    for (let i = 0; i < n; i++) expect((await admitAttempt(db(), login, at(now, i * 16 * MINUTE))).ok).toBe(true);
    return at(now, n * 16 * MINUTE);
  }

  const lockMails = (accountId: string) =>
    db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'signin_locked')));

  it('holds for 120 attempts from 120 different addresses: the account is locked after 50, and the right password on attempt 60 is refused', async () => {
    const { login } = await activePatient();
    const start = new Date();
    const answers: string[] = [];
    for (let i = 1; i <= 120; i++) {
      // 16 minutes apart, so no wait is ever in the way; the login spelled in different ways.
      const spelling = i % 3 === 0 ? login.toUpperCase() : i % 3 === 1 ? ` ${login} ` : login;
      const password = i === 60 || i === 120 ? PASSWORD : WRONG;
      answers.push(answer(await signInWithLimits(db(), spelling, password, address(i), { now: at(start, i * 16 * MINUTE) })));
    }
    // Only the first 50 were checked against the password at all (NIST: at most 100).
    expect(answers.slice(0, LOCK_AFTER)).toEqual(Array(LOCK_AFTER).fill('invalid'));
    expect(answers.slice(LOCK_AFTER).every((a) => a.startsWith('limited '))).toBe(true);
    expect(answers[59]).toMatch(/^limited \d+$/);
    // Attempt 60 comes 10 × 16 min after the lock (24 h): the wait told is what is left of it.
    expect(Number(answers[59]!.split(' ')[1])).toBe(24 * 3600 - 10 * 16 * 60);
    expect(await signInLockOf(db(), login, at(start, 120 * 16 * MINUTE))).toMatchObject({ failures: LOCK_AFTER });
  });

  it('makes each attempt after 10 failures wait 1 s, 2 s, 4 s … after the previous one, and answers an unknown login exactly the same', async () => {
    const known = await activePatient();
    const unknown = `nikt.${uniqueSuffix()}`;
    const script = async (login: string) => {
      const start = new Date();
      const answers: string[] = [];
      const attempt = async (seconds: number, i: number) =>
        answers.push(answer(await signInWithLimits(db(), login, WRONG, address(i), { now: at(start, seconds * 1000) })));
      let i = 0;
      for (; i < DELAY_AFTER; i++) await attempt(0, i); // 10 failures at once
      // The 11th waits 1 s, the 12th 2 s, then 4 s, 8 s: too early is refused (and not counted).
      for (const [second, expected] of [
        [0, 'limited 1'],
        [1, 'invalid'],
        [1, 'limited 2'],
        [2, 'limited 1'],
        [3, 'invalid'],
        [6, 'limited 1'],
        [7, 'invalid'],
        [7, 'limited 8'],
        [15, 'invalid'],
      ] as const) {
        await attempt(second, i++);
        expect(answers.at(-1), `attempt at ${second} s`).toBe(expected);
      }
      // Then every 16 minutes (more than the longest wait) up to the lock, and two more.
      let second = 15;
      while (i < 10 + 9 + (LOCK_AFTER - 14) + 2) await attempt((second += 16 * 60), i++);
      return answers;
    };
    const knownAnswers = await script(known.login);
    expect(knownAnswers.filter((a) => a === 'invalid')).toHaveLength(LOCK_AFTER);
    expect(knownAnswers.slice(-2)).toEqual(['limited 85440', 'limited 84480']); // 24 h minus 16 and 32 min
    expect(await script(unknown)).toEqual(knownAnswers);
    // Nobody to email for the unknown login; exactly one email for the real one.
    expect(await lockMails(known.accountId)).toHaveLength(1);
  });

  it('emails the owner once per lock with a reset link, and setting a password with it lifts the lock', async () => {
    const { login, email, accountId } = await activePatient();
    const now = await fail(login, LOCK_AFTER - 1, new Date());
    expect(answer(await signInWithLimits(db(), login, WRONG, address(1), { now }))).toBe('invalid'); // the 50th: locks
    for (let i = 2; i <= 4; i++) {
      expect(answer(await signInWithLimits(db(), login, i === 3 ? PASSWORD : WRONG, address(i), { now: at(now, i * MINUTE) }))).toMatch(
        /^limited /,
      );
    }
    const mails = await lockMails(accountId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.recipient).toBe(email);
    expect(mails[0]!.subject).toBe('Ktoś próbuje zalogować się na Twoje konto w portalu E-Rejestracja');
    expect(mails[0]!.text).toContain('wstrzymaliśmy logowanie hasłem');

    const token = /\/password\/reset\/([A-Za-z0-9_-]{43})/.exec(mails[0]!.text)![1]!;
    const fresh = 'Nowe#Haslo-2026';
    expect(await setPasswordWithToken(db(), { purpose: 'password_reset', token, password: fresh, repeat: fresh })).toEqual({
      status: 'ok',
      accountId,
    });
    expect(await signInLockOf(db(), login, at(now, 5 * MINUTE))).toBeNull();
    expect(await signInWithLimits(db(), login, fresh, address(5), { now: at(now, 5 * MINUTE) })).toMatchObject({ ok: true, id: accountId });
  });

  it('locks again at each failure after a lock ends, and the 100th consecutive failure locks until lifted', async () => {
    const { login, accountId } = await activePatient();
    let now = await fail(login, LOCK_AFTER, new Date());
    for (let n = LOCK_AFTER + 1; n < 100; n++) {
      now = at(now, 25 * 60 * MINUTE); // the previous lock (24 h) has ended
      const admitted = await admitAttempt(db(), login, now);
      expect(admitted).toMatchObject({ ok: true, locksNow: true, lockedUntil: at(now, 24 * 60 * MINUTE) });
      expect((await admitAttempt(db(), login, at(now, MINUTE))).ok, `refused right after failure ${n}`).toBe(false);
    }
    now = at(now, 25 * 60 * MINUTE);
    expect(answer(await signInWithLimits(db(), login, WRONG, address(1), { now }))).toBe('invalid'); // the 100th
    const years = at(now, 10 * 365 * 24 * 60 * MINUTE);
    expect(await signInLockOf(db(), login, years)).toEqual({ lockedUntil: UNTIL_LIFTED, failures: 100 });
    // Ten years on, the right password is still refused (told as a 24-hour wait).
    expect(answer(await signInWithLimits(db(), login, PASSWORD, address(2), { now: years }))).toBe('limited 86400');
    const [mail] = (await lockMails(accountId)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(mail!.text).toContain('Blokada potrwa, dopóki nie ustawisz nowego hasła');
  });

  it('starts counting again from zero after a successful sign-in', async () => {
    const { login } = await activePatient();
    const now = await fail(login, DELAY_AFTER - 1, new Date());
    expect(answer(await signInWithLimits(db(), login, PASSWORD, address(1), { now }))).toBe('ok');
    const later = await fail(login, DELAY_AFTER - 1, now);
    // Without the reset these would be the 20th and 21st consecutive failures: a 15-minute wait.
    expect(answer(await signInWithLimits(db(), login, WRONG, address(2), { now: later }))).toBe('invalid');
    expect(answer(await signInWithLimits(db(), login, WRONG, address(3), { now: later }))).toBe('limited 1');
  });

  it('lets the desk lift the lock, audited in the same transaction, and refuses a caller who is not staff', async () => {
    const { login, accountId } = await activePatient();
    const created = await addStaff(db(), {
      login: `desk.${uniqueSuffix()}`,
      name: 'Pani Ela',
      role: 'registrar',
      password: STAFF_PASSWORD,
    });
    if (!created.ok) throw new Error(created.error);
    const registrar = { id: created.id, role: 'registrar' as const };
    await fail(login, LOCK_AFTER, new Date(Date.now() - 60 * MINUTE));
    expect(await signInLockOf(db(), login)).toMatchObject({ failures: LOCK_AFTER });

    // A patient's session (or anything that is not a staff role) lifts nothing and audits nothing.
    expect(await liftSignInLockByStaff(db(), { id: accountId, role: 'patient' }, accountId)).toEqual({ ok: false, error: 'forbidden' });
    expect(await signInLockOf(db(), login)).not.toBeNull();
    expect(answer(await signInWithLimits(db(), login, PASSWORD, address(1)))).toMatch(/^limited /);

    expect(await liftSignInLockByStaff(db(), registrar, accountId)).toEqual({ ok: true });
    expect(await signInLockOf(db(), login)).toBeNull();
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, 'account.signin_unlock')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffId: registrar.id, details: { failures: LOCK_AFTER } });
    expect(await liftSignInLockByStaff(db(), registrar, accountId)).toEqual({ ok: false, error: 'not_locked' });
    expect(answer(await signInWithLimits(db(), login, PASSWORD, address(2)))).toBe('ok');
  });

  it('locks a staff login without an email (the lock is audited) until an admin unlocks it with the CLI function', async () => {
    const login = `desk.${uniqueSuffix()}`;
    const created = await addStaff(db(), { login, name: 'Pan Adam', role: 'registrar', password: STAFF_PASSWORD });
    if (!created.ok) throw new Error(created.error);
    const outboxBefore = await db().select().from(emailOutbox);
    const now = await fail(login, LOCK_AFTER - 1, new Date(Date.now() - 14 * 60 * MINUTE));
    expect(answer(await signInWithLimits(db(), login, WRONG, address(1), { now }))).toBe('invalid');
    expect(answer(await signInWithLimits(db(), login, STAFF_PASSWORD, address(2)))).toMatch(/^limited /);
    expect(await db().select().from(emailOutbox)).toHaveLength(outboxBefore.length);
    const events = await db().select().from(auditLog).where(eq(auditLog.staffId, created.id));
    expect(events.map((e) => e.action)).toContain('staff.signin.locked');

    expect(await unlockLogin(db(), login.toUpperCase())).toEqual({ ok: true, kind: 'staff', wasLocked: true });
    const unlocks = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, created.id), eq(auditLog.action, 'staff.signin.unlock')));
    expect(unlocks).toHaveLength(1);
    expect(unlocks[0]!.details).toMatchObject({ by: 'cli', failures: LOCK_AFTER, wasLocked: true });
    expect(answer(await signInWithLimits(db(), login, STAFF_PASSWORD, address(3)))).toBe('ok');
    expect(await unlockLogin(db(), login)).toEqual({ ok: false, error: 'no failed sign-ins recorded for that login' });
  });
});

describePostgres('per-account sign-in throttling under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { max: 20 });
  });
  afterAll(async () => database?.dispose());

  it('lets 40 simultaneous attempts from 40 addresses check the password only 10 times', async () => {
    const login = `nikt.${uniqueSuffix()}`;
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInWithLimits(database.db, login, WRONG, address(i), { now })),
    );
    const answers = results.map(answer);
    expect(answers.filter((a) => a === 'invalid')).toHaveLength(DELAY_AFTER);
    expect(answers.filter((a) => a.startsWith('limited '))).toHaveLength(40 - DELAY_AFTER);
  });

  it('npm run staff -- unlock --login L lifts a staff lock and writes the audit entry', async () => {
    const login = `desk.${uniqueSuffix()}`;
    const created = await addStaff(database.db, { login, name: 'Pani Ola', role: 'admin', password: STAFF_PASSWORD });
    if (!created.ok) throw new Error(created.error);
    for (let i = 0; i < LOCK_AFTER; i++) await admitAttempt(database.db, login, new Date(Date.now() - (LOCK_AFTER - i) * 16 * MINUTE));
    expect(await signInLockOf(database.db, login)).not.toBeNull();
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/staff.ts', 'unlock', '--login', login], {
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'development' },
    });
    expect(stdout).toContain(`Sign-in lock lifted for ${login} (staff login).`);
    expect(await signInLockOf(database.db, login)).toBeNull();
    const [staff] = await database.db.select({ id: staffAccounts.id }).from(staffAccounts).where(eq(staffAccounts.login, login));
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, staff!.id), eq(auditLog.action, 'staff.signin.unlock')));
    expect(audit).toHaveLength(1);
  });
});
