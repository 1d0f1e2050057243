// A finished sign-in opens its session and, for a patient, counts the sign-in for their data
// export, in one statement; staff sessions are opened as before.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authSessions, webAccounts } from '@/db/schema';
import { checkSession, startSignedInSession } from '@/lib/auth/sessions';
import { activePatient, newRegistrar } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';

describeEachDatabase('the session of a finished sign-in', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  it('opens a patient session and counts the sign-in with its time', async () => {
    const { accountId } = await activePatient(db());
    const now = new Date('2026-05-24T12:30:00Z');
    const first = await startSignedInSession(
      db(),
      accountId,
      'patient',
      { amr: ['pwd', 'otp', 'mfa'], identification: { identity: 'desk', loa: null } },
      now,
    );
    const second = await startSignedInSession(db(), accountId, 'patient', { amr: ['pwd'] }, now);
    expect(first).not.toBe(second);
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account).toMatchObject({ signInCount: 2, lastSignInAt: now });
    const [session] = await db().select().from(authSessions).where(eq(authSessions.id, first));
    expect(session).toMatchObject({
      accountId,
      staffId: null,
      role: 'patient',
      endedAt: null,
      amr: ['pwd', 'otp', 'mfa'],
      identity: 'desk',
      identityLoa: null,
    });
    const [plain] = await db().select().from(authSessions).where(eq(authSessions.id, second));
    expect(plain).toMatchObject({ amr: ['pwd'], identity: null });
    expect(await checkSession(db(), first, accountId, 'patient', account!.sessionVersion)).toEqual({ ok: true });
  });

  it('opens a staff session without touching any patient account', async () => {
    const registrar = await newRegistrar(db());
    const sid = await startSignedInSession(db(), registrar.id, 'registrar', { amr: ['hwk', 'user', 'mfa'] });
    const [session] = await db().select().from(authSessions).where(eq(authSessions.id, sid));
    expect(session).toMatchObject({
      staffId: registrar.id,
      accountId: null,
      role: 'registrar',
      amr: ['hwk', 'user', 'mfa'],
      identity: null,
    });
  });
});
