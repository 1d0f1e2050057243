// Signing in with a passkey (issue 22, SPEC §19): alone (both factors, staff too), or as the step
// after the password instead of a code; the session records how, the audit log names it, and a
// blocked patient, a disabled staff member or someone else's key gets nothing.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, authSessions, webAccounts } from '@/db/schema';
import { passkeySecondStep, passkeyStep, passwordStep, type PendingSignIn } from '@/lib/auth/sign-in-flow';
import { addStaff, disableStaff, resetStaffMfa } from '@/lib/staff/staff-accounts';
import { hasPasskey } from '@/lib/webauthn';
import { finishPasskeyRegistration, startPasskeyRegistration, startPasskeySignIn, type PasskeyOwner } from '@/lib/webauthn';
import { PASSWORD, activePatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';
import { createCredential, getAssertion, type CreateOptions, type SoftCredential } from '../helpers/soft-authenticator';

// Read on first use of the configuration, which no import does.
process.env.APP_URL = 'https://rejestracja.szpital.example/';
const RP = { origin: 'https://rejestracja.szpital.example', rpId: 'rejestracja.szpital.example' };
const STAFF_PASSWORD = 'Rejestracja#2026x';

async function newStaff(db: Db) {
  const login = `desk.${uniqueSuffix()}`;
  const added = await addStaff(db, { login, name: 'Pani Ewa', role: 'registrar', password: STAFF_PASSWORD });
  if (!added.ok) throw new Error(added.error);
  return { id: added.id, login, owner: { kind: 'staff', id: added.id } as PasskeyOwner };
}

async function addKey(db: Db, owner: PasskeyOwner, authenticator: Partial<CreateOptions> = {}): Promise<SoftCredential> {
  const { handle, options } = await startPasskeyRegistration(db, owner, { name: 'login', displayName: 'Ewa Nowak' });
  const { response, credential } = createCredential(options, { ...RP, ...authenticator });
  const result = await finishPasskeyRegistration(db, owner, handle, response, 'Klucz');
  if (!result.ok) throw new Error(result.reason);
  return credential;
}

/** The browser's part: options for `owner` (or any passkey), answered by `credential`. */
async function assertion(db: Db, credential: SoftCredential, owner?: PasskeyOwner) {
  const { handle, options } = await startPasskeySignIn(db, owner);
  return { handle, response: getAssertion(options, credential, RP) };
}

describeEachDatabase('signing in with a passkey', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;
  const sessionOf = async (sid: string) => (await db().select().from(authSessions).where(eq(authSessions.id, sid)))[0]!;
  const lastEvent = async (staffId: string) =>
    (
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.staffId, staffId), eq(auditLog.action, 'staff.signin.success')))
        .orderBy(desc(auditLog.createdAt))
        .limit(1)
    )[0];

  it('signs a registrar in with a security key alone: both factors, recorded and audited', async () => {
    const staff = await newStaff(db());
    const key = await addKey(db(), staff.owner);
    const { handle, response } = await assertion(db(), key);
    const result = await passkeyStep(db(), handle, response, '10.1.0.1');
    if (result.status !== 'complete') throw new Error(result.status);
    expect(result).toMatchObject({ role: 'registrar', grant: { id: staff.id, role: 'registrar' } });
    expect(await sessionOf(result.grant.sid)).toMatchObject({ staffId: staff.id, amr: ['hwk', 'user', 'mfa'], identity: null });
    expect((await lastEvent(staff.id))!.details).toMatchObject({ method: 'passkey', amr: 'hwk user mfa', ip: '10.1.0.1' });
  });

  it('asks a registrar whose only factor is a key for it after the password, and takes it instead of a code', async () => {
    const staff = await newStaff(db());
    const key = await addKey(db(), staff.owner);
    const first = await passwordStep(db(), staff.login, STAFF_PASSWORD, '10.1.0.2');
    if (first.status !== 'second-factor') throw new Error(first.status);
    expect(first.pending.stage).toBe('code');
    const { handle, response } = await assertion(db(), key, staff.owner);
    const done = await passkeySecondStep(db(), first.pending, handle, response, '10.1.0.2');
    if (done.status !== 'complete') throw new Error(done.status);
    expect(await sessionOf(done.grant.sid)).toMatchObject({ amr: ['pwd', 'hwk', 'user', 'mfa'] });
  });

  it("refuses someone else's key as the step after the password", async () => {
    const staff = await newStaff(db());
    await addKey(db(), staff.owner);
    const other = await newStaff(db());
    const otherKey = await addKey(db(), other.owner);
    const pending: PendingSignIn = { id: staff.id, role: 'registrar', ver: 0, stage: 'code' };
    // The options name only the pending person's keys; an answer by another's key is refused.
    const { handle, options } = await startPasskeySignIn(db(), staff.owner);
    const response = getAssertion({ ...options, allowCredentials: [] }, otherKey, RP);
    expect(await passkeySecondStep(db(), pending, handle, response, '10.1.0.3')).toMatchObject({ status: 'refused' });
    // Nor does a pending sign-in at another stage take a key.
    const again = await assertion(db(), otherKey, other.owner);
    expect(await passkeySecondStep(db(), { ...pending, id: other.id, stage: 'enrol' }, again.handle, again.response, null)).toMatchObject({
      status: 'refused',
    });
  });

  it('refuses a disabled staff member and a blocked patient, whose keys still verify', async () => {
    const staff = await newStaff(db());
    const key = await addKey(db(), staff.owner);
    await disableStaff(db(), staff.login);
    const a = await assertion(db(), key);
    expect(await passkeyStep(db(), a.handle, a.response, null)).toMatchObject({ status: 'refused', reason: 'blocked' });

    const patient = await activePatient(db());
    const patientKey = await addKey(db(), { kind: 'patient', id: patient.accountId }, { backupEligible: true, backedUp: true });
    await db().update(webAccounts).set({ status: 'blocked' }).where(eq(webAccounts.id, patient.accountId));
    const b = await assertion(db(), patientKey);
    expect(await passkeyStep(db(), b.handle, b.response, null)).toMatchObject({ status: 'refused', reason: 'blocked' });
  });

  it('signs a patient in with a synced passkey, with how the account was identified; the password alone still works', async () => {
    const patient = await activePatient(db());
    const key = await addKey(db(), { kind: 'patient', id: patient.accountId }, { backupEligible: true, backedUp: true });
    const { handle, response } = await assertion(db(), key);
    const result = await passkeyStep(db(), handle, response, null, '/account/settings');
    if (result.status !== 'complete') throw new Error(result.status);
    expect(result).toMatchObject({ role: 'patient', next: '/account/settings' });
    expect(await sessionOf(result.grant.sid)).toMatchObject({
      accountId: patient.accountId,
      amr: ['swk', 'user', 'mfa'],
      identity: 'none',
    });
    // A patient's passkey is a way in instead of the password, not a second step after it.
    expect(await passwordStep(db(), patient.data.login, PASSWORD, null)).toMatchObject({ status: 'complete' });
  });

  it('removes the keys with the code when a lost factor is reset from the command line', async () => {
    const staff = await newStaff(db());
    const key = await addKey(db(), staff.owner);
    expect(await resetStaffMfa(db(), staff.login)).toMatchObject({ ok: true });
    expect(await hasPasskey(db(), staff.owner)).toBe(false);
    const [reset] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.staffId, staff.id), eq(auditLog.action, 'staff.mfa_reset')));
    expect(reset!.details).toMatchObject({ passkeysRemoved: 1 });
    const { handle, response } = await assertion(db(), key);
    expect(await passkeyStep(db(), handle, response, null)).toMatchObject({ status: 'refused' });
  });

  it('refuses a replayed assertion: its challenge is spent', async () => {
    const staff = await newStaff(db());
    const key = await addKey(db(), staff.owner);
    const { handle, response } = await assertion(db(), key);
    expect((await passkeyStep(db(), handle, response, null)).status).toBe('complete');
    expect(await passkeyStep(db(), handle, response, null)).toMatchObject({ status: 'refused', reason: 'invalid' });
  });
});
