// Levels of assurance (issue 22, SPEC §19): every session records how its person signed in (RFC
// 8176 amr) and how they were identified when it began; the audit log of staff sign-ins names it.
import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, authSessions, webAccounts } from '@/db/schema';
import { identificationOf, signInWayOf } from '@/lib/auth/assurance';
import { confirmEnrolment, startEnrolment, type MfaOwner } from '@/lib/auth/mfa';
import { codeStep, passwordStep } from '@/lib/auth/sign-in-flow';
import { addStaff } from '@/lib/staff/staff-accounts';
import { PASSWORD, activePatient, newRegistrar, verifiedPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';

const step = () => Math.floor(Date.now() / 30_000);

async function enrol(db: TestDatabase['db'], owner: MfaOwner) {
  const enrolment = (await startEnrolment(db, owner, 'test'))!;
  const confirmed = await confirmEnrolment(db, owner, await generate({ secret: enrolment.secret, epoch: step() * 30 }));
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return enrolment.secret;
}

describe('signInWayOf', () => {
  it.each([
    [['pwd'], 'password'],
    [['pwd', 'otp', 'mfa'], 'passwordAndCode'],
    [['pwd', 'hwk', 'user', 'mfa'], 'passwordAndPasskey'],
    [['hwk', 'user', 'mfa'], 'passkey'],
    [['swk', 'user', 'mfa'], 'passkey'],
    [['login.gov.pl'], 'identityNode'],
  ] as const)('%j is %s', (amr, way) => {
    expect(signInWayOf(amr)).toBe(way);
  });
});

describeEachDatabase('levels of assurance of a session', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;
  const sessionOf = async (sid: string) => (await db().select().from(authSessions).where(eq(authSessions.id, sid)))[0]!;

  it('records a password sign-in of an account nobody has identified yet', async () => {
    const patient = await activePatient(db());
    const result = await passwordStep(db(), patient.data.login, PASSWORD, '10.0.0.1');
    if (result.status !== 'complete') throw new Error(result.status);
    expect(await sessionOf(result.grant.sid)).toMatchObject({ amr: ['pwd'], identity: 'none', identityLoa: null });
  });

  it('records the desk as the identification of a verified account, and a code as the second factor', async () => {
    const desk = await newRegistrar(db());
    const patient = await verifiedPatient(db(), desk);
    const secret = await enrol(db(), { kind: 'patient', id: patient.accountId });
    const first = await passwordStep(db(), patient.data.login, PASSWORD, '10.0.0.2');
    if (first.status !== 'second-factor') throw new Error(first.status);
    const done = await codeStep(db(), first.pending, await generate({ secret, epoch: (step() + 1) * 30 }), '10.0.0.2');
    if (done.status !== 'complete') throw new Error(done.status);
    expect(await sessionOf(done.grant.sid)).toMatchObject({ amr: ['pwd', 'otp', 'mfa'], identity: 'desk', identityLoa: null });
  });

  it('names login.gov.pl and its level for an account verified through the node', async () => {
    const patient = await activePatient(db());
    await db()
      .update(webAccounts)
      .set({ status: 'verified', verifiedAt: new Date(), verificationMethod: 'login.gov.pl', verificationLoa: 'substantial' })
      .where(eq(webAccounts.id, patient.accountId));
    expect(await identificationOf(db(), patient.accountId)).toEqual({ identity: 'login.gov.pl', loa: 'substantial' });
    const result = await passwordStep(db(), patient.data.login, PASSWORD, '10.0.0.3');
    if (result.status !== 'complete') throw new Error(result.status);
    expect(await sessionOf(result.grant.sid)).toMatchObject({ amr: ['pwd'], identity: 'login.gov.pl', identityLoa: 'substantial' });
  });

  it('records a staff sign-in with its amr, in the session and in the audit log, and no identity', async () => {
    const login = `desk.${uniqueSuffix()}`;
    const added = await addStaff(db(), { login, name: 'Pani Ewa', role: 'registrar', password: 'Rejestracja#2026x' });
    if (!added.ok) throw new Error(added.error);
    const secret = await enrol(db(), { kind: 'staff', id: added.id });
    const first = await passwordStep(db(), login, 'Rejestracja#2026x', '10.0.0.4');
    if (first.status !== 'second-factor') throw new Error(first.status);
    const done = await codeStep(db(), first.pending, await generate({ secret, epoch: (step() + 1) * 30 }), '10.0.0.4');
    if (done.status !== 'complete') throw new Error(done.status);
    expect(await sessionOf(done.grant.sid)).toMatchObject({ amr: ['pwd', 'otp', 'mfa'], identity: null });
    const [event] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, added.id), eq(auditLog.action, 'staff.signin.success')))
      .orderBy(desc(auditLog.createdAt))
      .limit(1);
    expect(event!.details).toMatchObject({ amr: 'pwd otp mfa' });
  });
});
