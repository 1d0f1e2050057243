// Staff second factor, sign-in steps and server-side sessions, on every database.
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, authSessions, emailOutbox, mfaFactors, mfaRecoveryCodes, staffAccounts, webAccounts } from '@/db/schema';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { confirmEnrolment, hasSecondFactor, startEnrolment, verifySecondFactor, type MfaOwner } from '@/lib/auth/mfa';
import { decryptSecret, mfaKey } from '@/lib/auth/mfa-crypto';
import { checkSession, endAllSessions, endSession, startSession } from '@/lib/auth/sessions';
import { codeStep, enrolledPending, enrolledStep, passwordStep, type PendingSignIn } from '@/lib/auth/sign-in-flow';
import { env } from '@/lib/env';
import { registerPatient } from '@/lib/registration/register-patient';
import { addStaff, listStaff, resetStaffMfa } from '@/lib/staff/staff-accounts';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person, uniqueSuffix } from '../helpers/registration';

// The production default: staff must have a second factor.
process.env.STAFF_MFA = 'required';
process.env.RATE_LIMIT_MFA_FAILURES_PER_ACCOUNT = '5';

const PASSWORD = 'Rejestracja#2026x';
const step = () => Math.floor(Date.now() / 30_000);
/** A code of the next 30 s step: valid now (one step of tolerance) and newer than any used. */
const nextCode = (secret: string, ahead = 1) => generate({ secret, epoch: (step() + ahead) * 30 });

async function newStaff(db: TestDatabase['db'], role: 'registrar' | 'admin' = 'registrar') {
  const login = `staff.${uniqueSuffix()}`;
  const result = await addStaff(db, { login, name: 'Pani Testowa', role, password: PASSWORD });
  if (!result.ok) throw new Error(result.error);
  return { id: result.id, login, role };
}

async function newPatient(db: TestDatabase['db']) {
  const data = person();
  const outcome = await registerPatient(db, data, context());
  if (outcome.status !== 'registered') throw new Error(outcome.status);
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
  const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
  await setPasswordWithToken(db, { purpose: 'activation', token, password: PASSWORD, repeat: PASSWORD });
  const [account] = await db.select({ ver: webAccounts.sessionVersion }).from(webAccounts).where(eq(webAccounts.id, outcome.accountId));
  return { id: outcome.accountId, login: data.login, ver: account!.ver };
}

async function enrol(db: TestDatabase['db'], owner: MfaOwner) {
  const enrolment = (await startEnrolment(db, owner, 'test'))!;
  const confirmed = await confirmEnrolment(db, owner, await generate({ secret: enrolment.secret, epoch: step() * 30 }));
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return { secret: enrolment.secret, recoveryCodes: confirmed.recoveryCodes };
}

describeEachDatabase('second factor', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  it('keeps the secret to enrol across reloads, encrypted at rest', async () => {
    const staff = await newStaff(db());
    const owner = { kind: 'staff', id: staff.id } as const;
    const first = (await startEnrolment(db(), owner, staff.login))!;
    const again = (await startEnrolment(db(), owner, staff.login))!;
    expect(again.secret).toBe(first.secret);
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(first.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(first.uri).toContain(`secret=${first.secret}`);
    const [row] = await db().select().from(mfaFactors).where(eq(mfaFactors.staffId, staff.id));
    expect(row!.secret).not.toContain(first.secret);
    expect(decryptSecret(row!.secret, mfaKey(env.AUTH_SECRET))).toBe(first.secret);
    expect(decryptSecret(row!.secret, mfaKey('another-key-another-key-another-key'))).toBeNull();
    expect(await hasSecondFactor(db(), owner)).toBe(false);
  });

  it('confirms enrolment only with a right code and returns ten recovery codes stored hashed', async () => {
    const staff = await newStaff(db());
    const owner = { kind: 'staff', id: staff.id } as const;
    const { secret } = (await startEnrolment(db(), owner, staff.login))!;
    const right = await generate({ secret, epoch: step() * 30 });
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await confirmEnrolment(db(), owner, wrong)).toEqual({ ok: false, reason: 'invalid' });
    const confirmed = await confirmEnrolment(db(), owner, await generate({ secret, epoch: step() * 30 }));
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    for (const code of confirmed.recoveryCodes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const stored = await db().select().from(mfaRecoveryCodes);
    expect(stored.map((r) => r.codeHash).join()).not.toContain(confirmed.recoveryCodes[0]!.replace('-', ''));
    expect(await hasSecondFactor(db(), owner)).toBe(true);
    expect(await startEnrolment(db(), owner, staff.login)).toBeNull();
  });

  it('accepts a code once: the same code again is a replay', async () => {
    const staff = await newStaff(db());
    const owner = { kind: 'staff', id: staff.id } as const;
    const { secret } = await enrol(db(), owner);
    const code = await nextCode(secret);
    expect(await verifySecondFactor(db(), owner, code)).toEqual({ ok: true, method: 'totp' });
    expect(await verifySecondFactor(db(), owner, code)).toEqual({ ok: false });
    // An older step than the one used is refused too.
    expect(await verifySecondFactor(db(), owner, await generate({ secret, epoch: step() * 30 }))).toEqual({ ok: false });
    expect(await verifySecondFactor(db(), owner, await generate({ secret, epoch: (step() + 5) * 30 }))).toEqual({ ok: false });
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const staff = await newStaff(db());
    const owner = { kind: 'staff', id: staff.id } as const;
    const { recoveryCodes } = await enrol(db(), owner);
    const [first, second] = recoveryCodes as [string, string];
    expect(await verifySecondFactor(db(), owner, first)).toEqual({ ok: true, method: 'recovery', recoveryCodesLeft: 9 });
    expect(await verifySecondFactor(db(), owner, first)).toEqual({ ok: false });
    expect(await verifySecondFactor(db(), owner, ` ${second.toLowerCase().replace('-', ' ')} `)).toMatchObject({
      ok: true,
      method: 'recovery',
    });
    expect(await verifySecondFactor(db(), owner, 'AAAAA-AAAAA')).toEqual({ ok: false });
  });

  it('does not let one owner use another owner’s codes', async () => {
    const a = await newStaff(db());
    const b = await newStaff(db());
    const { secret, recoveryCodes } = await enrol(db(), { kind: 'staff', id: a.id });
    await enrol(db(), { kind: 'staff', id: b.id });
    expect(await verifySecondFactor(db(), { kind: 'staff', id: b.id }, await nextCode(secret))).toEqual({ ok: false });
    expect(await verifySecondFactor(db(), { kind: 'staff', id: b.id }, recoveryCodes[0]!)).toEqual({ ok: false });
  });

  it('sends staff without a factor to enrolment and staff with one to the code step; no session before', async () => {
    const staff = await newStaff(db());
    const before = await db().select().from(authSessions).where(eq(authSessions.staffId, staff.id));
    const first = await passwordStep(db(), staff.login, PASSWORD, '10.0.0.1');
    expect(first).toMatchObject({ status: 'second-factor', pending: { id: staff.id, stage: 'enrol' } });
    await enrol(db(), { kind: 'staff', id: staff.id });
    const second = await passwordStep(db(), staff.login, PASSWORD, '10.0.0.1', '/admin/audit');
    expect(second).toMatchObject({ status: 'second-factor', pending: { stage: 'code', next: '/admin/audit' } });
    const after = await db().select().from(authSessions).where(eq(authSessions.staffId, staff.id));
    expect(after.length).toBe(before.length);
  });

  it('issues a session for a patient without a factor and asks a patient with one for the code', async () => {
    const patient = await newPatient(db());
    const plain = await passwordStep(db(), patient.login, PASSWORD, '10.0.0.2');
    expect(plain.status).toBe('complete');
    if (plain.status !== 'complete') return;
    expect(plain.grant).toMatchObject({ id: patient.id, role: 'patient' });
    const [session] = await db().select().from(authSessions).where(eq(authSessions.id, plain.grant.sid));
    expect(session).toMatchObject({ accountId: patient.id, role: 'patient', endedAt: null });
    const { secret } = await enrol(db(), { kind: 'patient', id: patient.id });
    const withFactor = await passwordStep(db(), patient.login, PASSWORD, '10.0.0.2');
    expect(withFactor).toMatchObject({ status: 'second-factor', pending: { stage: 'code' } });
    if (withFactor.status !== 'second-factor') return;
    const done = await codeStep(db(), withFactor.pending, await nextCode(secret), '10.0.0.2');
    expect(done.status).toBe('complete');
  });

  it('refuses the code step after five wrong codes, even the right code, per account', async () => {
    const staff = await newStaff(db());
    const { secret } = await enrol(db(), { kind: 'staff', id: staff.id });
    const pending: PendingSignIn = { id: staff.id, role: 'registrar', ver: 0, stage: 'code' };
    for (let i = 0; i < 5; i++) expect((await codeStep(db(), pending, '000000', `10.0.1.${i}`)).status).toBe('refused');
    const limited = await codeStep(db(), pending, await nextCode(secret), '10.0.1.9');
    expect(limited).toMatchObject({ status: 'refused', reason: 'limited' });
    // Another account is not affected.
    const other = await newStaff(db());
    const otherSecret = (await enrol(db(), { kind: 'staff', id: other.id })).secret;
    expect((await codeStep(db(), { ...pending, id: other.id }, await nextCode(otherSecret), '10.0.1.9')).status).toBe('complete');
  });

  it('audits staff sign-in events with the client address', async () => {
    const staff = await newStaff(db());
    await passwordStep(db(), staff.login, 'Wrong#Password1', '192.0.2.7');
    const { secret } = await enrol(db(), { kind: 'staff', id: staff.id });
    const pending: PendingSignIn = { id: staff.id, role: 'registrar', ver: 0, stage: 'code' };
    await codeStep(db(), pending, '000000', '192.0.2.8');
    await codeStep(db(), pending, await nextCode(secret), '192.0.2.9');
    const rows = await db().select().from(auditLog).where(eq(auditLog.staffId, staff.id));
    const events = rows.map((r) => [r.action, r.details.ip]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['staff.signin.password_failed', '192.0.2.7'],
        ['staff.signin.code_failed', '192.0.2.8'],
        ['staff.signin.success', '192.0.2.9'],
      ]),
    );
  });

  it('issues one session per enrolment at sign-in: the enrolled pending sign-in replayed gets none', async () => {
    const staff = await newStaff(db());
    const first = await passwordStep(db(), staff.login, PASSWORD, '10.0.2.1');
    if (first.status !== 'second-factor') throw new Error(first.status);
    // Not before a factor is confirmed, and never from the stage before.
    const enrolled = enrolledPending(first.pending);
    expect(await enrolledStep(db(), enrolled, '10.0.2.1')).toMatchObject({ status: 'refused' });
    await enrol(db(), { kind: 'staff', id: staff.id });
    expect(await enrolledStep(db(), first.pending, '10.0.2.1')).toMatchObject({ status: 'refused' });
    expect(await enrolledStep(db(), { ...enrolled, nonce: undefined }, '10.0.2.1')).toMatchObject({ status: 'refused' });
    const done = await enrolledStep(db(), enrolled, '10.0.2.1');
    expect(done).toMatchObject({ status: 'complete', role: 'registrar' });
    // The same cookie again, from this client or another, at once or racing: refused.
    const replays = await Promise.all([1, 2, 3].map((i) => enrolledStep(db(), enrolled, `10.0.2.${i + 1}`)));
    expect(replays.map((r) => r.status)).toEqual(['refused', 'refused', 'refused']);
    const sessions = await db().select().from(authSessions).where(eq(authSessions.staffId, staff.id));
    expect(sessions).toHaveLength(1);
    const successes = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, staff.id), eq(auditLog.action, 'staff.signin.success')));
    expect(successes).toHaveLength(1);
    // A later enrolment's pending sign-in has a nonce of its own.
    expect(enrolledPending(first.pending).nonce).not.toBe(enrolled.nonce);
  });

  it('lists staff with a confirmed factor as having one, and those mid-enrolment or without one as not', async () => {
    const enrolled = await newStaff(db());
    const started = await newStaff(db(), 'admin');
    const none = await newStaff(db());
    await enrol(db(), { kind: 'staff', id: enrolled.id });
    await startEnrolment(db(), { kind: 'staff', id: started.id }, 'test');
    // A patient's factor counts for nobody on staff.
    const patient = await newPatient(db());
    await enrol(db(), { kind: 'patient', id: patient.id });
    const listed = new Map((await listStaff(db())).map((s) => [s.id, s.mfa]));
    expect([listed.get(enrolled.id), listed.get(started.id), listed.get(none.id)]).toEqual([true, false, false]);
    expect((await listStaff(db())).filter((s) => s.id === enrolled.id)).toHaveLength(1);
  });

  it('reset-mfa removes the factor, ends sessions and is audited', async () => {
    const staff = await newStaff(db());
    await enrol(db(), { kind: 'staff', id: staff.id });
    const [before] = await db().select().from(staffAccounts).where(eq(staffAccounts.id, staff.id));
    expect(await resetStaffMfa(db(), staff.login.toUpperCase())).toEqual({ ok: true, id: staff.id });
    expect(await hasSecondFactor(db(), { kind: 'staff', id: staff.id })).toBe(false);
    const [after] = await db().select().from(staffAccounts).where(eq(staffAccounts.id, staff.id));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, staff.id), eq(auditLog.action, 'staff.mfa_reset')));
    expect(audit).toHaveLength(1);
    expect(await resetStaffMfa(db(), 'nobody.here')).toMatchObject({ ok: false });
    expect((await passwordStep(db(), staff.login, PASSWORD, null)) as unknown).toMatchObject({ pending: { stage: 'enrol' } });
  });
});

// A staff session as a finished sign-in opens it under STAFF_MFA=required: with two factors.
const TWO_FACTORS = { amr: ['pwd', 'otp', 'mfa'] };

describeEachDatabase('sessions', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);

  it('lives while used and ends after the idle timeout (staff 15 min, patients 30 min)', async () => {
    const staff = await newStaff(db());
    const sid = await startSession(db(), staff.id, 'registrar', TWO_FACTORS);
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(10))).toEqual({ ok: true });
    // Activity at +10 min moved the idle clock: +24 min is 14 min later.
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(24))).toEqual({ ok: true });
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(40))).toEqual({ ok: false, reason: 'idle' });
    // Ended for good, with its reason.
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(41))).toEqual({ ok: false, reason: 'idle' });
    const [row] = await db().select().from(authSessions).where(eq(authSessions.id, sid));
    expect(row!.endReason).toBe('idle');

    const patient = await newPatient(db());
    const patientSid = await startSession(db(), patient.id, 'patient');
    expect(await checkSession(db(), patientSid, patient.id, 'patient', patient.ver, minutes(25))).toEqual({ ok: true });
    expect(await checkSession(db(), patientSid, patient.id, 'patient', patient.ver, minutes(56))).toEqual({ ok: false, reason: 'idle' });
  });

  it('reports a timeout once, to the check that ends the session (the audit entry is not repeated)', async () => {
    const staff = await newStaff(db());
    const sid = await startSession(db(), staff.id, 'registrar', TWO_FACTORS);
    const reported: string[] = [];
    const report = async (reason: string) => {
      reported.push(reason);
    };
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(20), report)).toEqual({ ok: false, reason: 'idle' });
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(21), report)).toEqual({ ok: false, reason: 'idle' });
    expect(reported).toEqual(['idle']);
  });

  it('ends after the absolute lifetime however active (staff 8 h)', async () => {
    const staff = await newStaff(db());
    const sid = await startSession(db(), staff.id, 'registrar', TWO_FACTORS);
    for (let m = 10; m < 8 * 60; m += 10) expect((await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(m))).ok).toBe(true);
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0, minutes(8 * 60 + 5))).toEqual({ ok: false, reason: 'absolute' });
  });

  it('refuses a staff session without two factors while MFA is required (the admin area asks two; a passkey counts)', async () => {
    const staff = await newStaff(db());
    const onePassword = await startSession(db(), staff.id, 'registrar', { amr: ['pwd'] });
    expect(await checkSession(db(), onePassword, staff.id, 'registrar', 0)).toEqual({ ok: false, reason: 'ended' });
    const key = await startSession(db(), staff.id, 'registrar', { amr: ['hwk', 'user', 'mfa'] });
    expect(await checkSession(db(), key, staff.id, 'registrar', 0)).toEqual({ ok: true });
    // A patient's session needs no second factor.
    const patient = await newPatient(db());
    const patientSid = await startSession(db(), patient.id, 'patient', { amr: ['pwd'] });
    expect(await checkSession(db(), patientSid, patient.id, 'patient', patient.ver)).toEqual({ ok: true });
  });

  it('is refused for another principal, another role, a moved session version or after sign-out', async () => {
    const staff = await newStaff(db());
    const other = await newStaff(db());
    const sid = await startSession(db(), staff.id, 'registrar', TWO_FACTORS);
    expect((await checkSession(db(), sid, other.id, 'registrar', 0)).ok).toBe(false);
    expect((await checkSession(db(), sid, staff.id, 'admin', 0)).ok).toBe(false);
    expect((await checkSession(db(), sid, staff.id, 'registrar', 1)).ok).toBe(false);
    expect((await checkSession(db(), 'not-a-uuid', staff.id, 'registrar', 0)).ok).toBe(false);
    expect(await endSession(db(), sid, 'signed_out')).toBe(true);
    expect(await checkSession(db(), sid, staff.id, 'registrar', 0)).toEqual({ ok: false, reason: 'ended' });
  });

  it('ends every session but the kept one ("everywhere else"), and a blocked patient’s sessions', async () => {
    const patient = await newPatient(db());
    const [a, b, c] = [
      await startSession(db(), patient.id, 'patient'),
      await startSession(db(), patient.id, 'patient'),
      await startSession(db(), patient.id, 'patient'),
    ];
    expect(await endAllSessions(db(), patient.id, 'patient', 'everywhere', a)).toBe(2);
    expect((await checkSession(db(), a, patient.id, 'patient', patient.ver)).ok).toBe(true);
    expect((await checkSession(db(), b, patient.id, 'patient', patient.ver)).ok).toBe(false);
    expect((await checkSession(db(), c, patient.id, 'patient', patient.ver)).ok).toBe(false);
    await db().update(webAccounts).set({ status: 'blocked' }).where(eq(webAccounts.id, patient.id));
    expect((await checkSession(db(), a, patient.id, 'patient', patient.ver)).ok).toBe(false);
  });
});

describePostgres('second factor under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { max: 20 });
  });
  afterAll(async () => database?.dispose());

  it('accepts one code once when ten requests race with it', async () => {
    const db = database.db;
    const staff = await newStaff(db);
    const owner = { kind: 'staff', id: staff.id } as const;
    const { secret, recoveryCodes } = await enrol(db, owner);
    const code = await nextCode(secret);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifySecondFactor(db, owner, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const recovery = await Promise.all(Array.from({ length: 10 }, () => verifySecondFactor(db, owner, recoveryCodes[3]!)));
    expect(recovery.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe('return path after sign-in', () => {
  it('keeps our own paths of the role’s area and refuses everything else', async () => {
    const { returnPath } = await import('@/lib/auth/sign-in-flow');
    expect(returnPath('/admin/verifications/abc?q=1', 'registrar')).toBe('/admin/verifications/abc?q=1');
    expect(returnPath('/admin/audit', 'admin')).toBe('/admin/audit');
    expect(returnPath('/account', 'patient')).toBe('/account');
    for (const evil of [
      '//evil.example/admin',
      'https://evil.example/admin',
      '/\\evil.example',
      '/admin/../..//evil',
      ' /admin',
      'javascript:alert(1)',
      '/admin\n',
      '',
    ]) {
      expect(returnPath(evil, 'registrar'), evil).toBe('/admin/verifications');
    }
    expect(returnPath('/admin/verifications', 'patient')).toBe('/account');
    expect(returnPath('/account', 'registrar')).toBe('/admin/verifications');
    expect(returnPath('/administrator', 'admin')).toBe('/admin/verifications');
  });
});
