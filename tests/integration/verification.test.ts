import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountTokens, auditLog, emailOutbox, staffAccounts, webAccounts } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { checkSession, startSession } from '@/lib/auth/sessions';
import { registerPatient } from '@/lib/registration/register-patient';
import { addStaff, disableStaff, resetStaffPassword } from '@/lib/staff/staff-accounts';
import { inspectToken } from '@/lib/account/inspect-account-token';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { blockAccount, resendActivationByStaff, unblockAccount, verifyAccount } from '@/lib/staff/verification-decisions';
import { countByStatus, listQueue } from '@/lib/staff/verification-queue';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { latestLink, PASSWORD } from '../helpers/accounts';
import { context, person, uniqueSuffix } from '../helpers/registration';

const STAFF_PASSWORD = 'Rejestracja#2026x';

async function newStaff(db: TestDatabase['db'], role: StaffPrincipal['role']): Promise<StaffPrincipal> {
  const result = await addStaff(db, { login: `staff.${uniqueSuffix()}`, name: `Pani ${role}`, role, password: STAFF_PASSWORD });
  if (!result.ok) throw new Error(result.error);
  return { id: result.id, role };
}

async function newAccount(db: TestDatabase['db'], overrides = {}) {
  const data = person(overrides);
  const outcome = await registerPatient(db, data, context());
  if (outcome.status !== 'registered') throw new Error(outcome.status);
  return { data, accountId: outcome.accountId };
}

async function auditOf(db: TestDatabase['db'], accountId: string) {
  return db.select().from(auditLog).where(eq(auditLog.accountId, accountId));
}

describeEachDatabase('verification at the desk', (kind) => {
  let database: TestDatabase;
  let registrar: StaffPrincipal;
  let admin: StaffPrincipal;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    registrar = await newStaff(database.db, 'registrar');
    admin = await newStaff(database.db, 'admin');
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  it('verifies an account with the document checked, once, and writes the audit entry', async () => {
    const { accountId } = await newAccount(db());
    expect(await verifyAccount(db(), registrar, accountId, 'dowod_osobisty')).toEqual({ ok: true });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account).toMatchObject({ status: 'verified', verifiedBy: registrar.id, verificationDocument: 'dowod_osobisty' });
    expect(await verifyAccount(db(), registrar, accountId, 'paszport')).toEqual({ ok: false, error: 'state' });
    const audit = await auditOf(db(), accountId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffId: registrar.id, action: 'account.verify', details: { document: 'dowod_osobisty' } });
  });

  it('emails the patient that their identity was verified, in the same transaction', async () => {
    const { accountId, data } = await newAccount(db());
    await verifyAccount(db(), registrar, accountId, 'paszport');
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId));
    expect(mails.map((m) => m.template).sort()).toEqual(['activation', 'identity_verified']);
    expect(mails.find((m) => m.template === 'identity_verified')!.recipient).toBe(data.email);
  });

  it('lets the desk send a new activation link only while the account waits for activation, verified or not', async () => {
    const { accountId } = await newAccount(db());
    const [first] = await db().select().from(accountTokens).where(eq(accountTokens.accountId, accountId));
    expect(await resendActivationByStaff(db(), registrar, accountId)).toEqual({ ok: true });
    const tokens = await db().select().from(accountTokens).where(eq(accountTokens.accountId, accountId));
    expect(tokens).toHaveLength(2);
    expect(tokens.find((t) => t.id === first!.id)!.supersededAt).not.toBeNull();
    expect((await auditOf(db(), accountId)).map((a) => a.action)).toEqual(['account.resend_activation']);
    // Verified at the desk before the patient set a password: still waiting for the link.
    await verifyAccount(db(), registrar, accountId, 'paszport');
    expect(await resendActivationByStaff(db(), registrar, accountId)).toEqual({ ok: true });
    const token = await latestLink(db(), accountId, '/activate');
    await setPasswordWithToken(db(), { purpose: 'activation', token: token!, password: PASSWORD, repeat: PASSWORD });
    expect(await resendActivationByStaff(db(), registrar, accountId)).toEqual({ ok: false, error: 'state' });
  });

  it('refuses an unknown document type and an unknown account', async () => {
    const { accountId } = await newAccount(db());
    expect(await verifyAccount(db(), registrar, accountId, 'prawo_jazdy')).toEqual({ ok: false, error: 'document' });
    expect(await verifyAccount(db(), registrar, '00000000-0000-4000-8000-000000000000', 'paszport')).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await auditOf(db(), accountId)).toHaveLength(0);
  });

  it('blocks with a reason, refuses to verify a blocked account and ends its sessions', async () => {
    const { accountId } = await newAccount(db());
    const version = (await db().select().from(webAccounts).where(eq(webAccounts.id, accountId)))[0]!.sessionVersion;
    const sid = await startSession(db(), accountId, 'patient');
    expect(await checkSession(db(), sid, accountId, 'patient', version)).toEqual({ ok: true });
    expect(await blockAccount(db(), registrar, accountId, '  ')).toEqual({ ok: false, error: 'reason' });
    expect(await blockAccount(db(), registrar, accountId, 'x'.repeat(501))).toEqual({ ok: false, error: 'reason' });
    expect(await blockAccount(db(), registrar, accountId, 'Podejrzenie podszywania się')).toEqual({ ok: true });
    expect(await blockAccount(db(), registrar, accountId, 'Drugi raz')).toEqual({ ok: false, error: 'state' });
    expect(await verifyAccount(db(), registrar, accountId, 'paszport')).toEqual({ ok: false, error: 'state' });
    expect(await checkSession(db(), sid, accountId, 'patient', version)).toEqual({ ok: false, reason: 'ended' });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account).toMatchObject({ status: 'blocked', blockedBy: registrar.id, blockedReason: 'Podejrzenie podszywania się' });
  });

  it('lets only an admin unblock, back to the state the account had earned', async () => {
    const { accountId } = await newAccount(db());
    await verifyAccount(db(), registrar, accountId, 'paszport');
    await blockAccount(db(), registrar, accountId, 'Pomyłka');
    expect(await unblockAccount(db(), registrar, accountId)).toEqual({ ok: false, error: 'state' });
    expect(await unblockAccount(db(), admin, accountId)).toEqual({ ok: true });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account!.status).toBe('verified');
    expect((await auditOf(db(), accountId)).map((a) => a.action).sort()).toEqual(['account.block', 'account.unblock', 'account.verify']);
    const pending = await newAccount(db());
    await blockAccount(db(), registrar, pending.accountId, 'Test');
    await unblockAccount(db(), admin, pending.accountId);
    const [again] = await db().select().from(webAccounts).where(eq(webAccounts.id, pending.accountId));
    expect(again!.status).toBe('pending_activation');
  });

  it('pages the queue newest first by keyset without gaps or repeats', async () => {
    const lastName = `Kolejka${uniqueSuffix().replace(/\d/g, '')}`;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await newAccount(db(), { lastName })).accountId);
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listQueue(db(), { query: lastName, after });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
      if (!after) break;
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(seen).toEqual([...ids].reverse());
  });

  it('ignores a forged cursor instead of failing', async () => {
    for (const after of [
      'garbage',
      Buffer.from("2026-01-01'; drop table x|1").toString('base64url'),
      Buffer.from('2026-13-45 99:99:99+00|00000000-0000-4000-8000-000000000000').toString('base64url'),
    ]) {
      const page = await listQueue(db(), { after });
      expect(Array.isArray(page.rows)).toBe(true);
    }
  });

  it('finds accounts by PESEL, login, email and name, and hides verified ones from the waiting list', async () => {
    const { data, accountId } = await newAccount(db(), { firstName: 'Bożena', lastName: 'Szukajska' });
    const find = async (query: string, filter?: 'waiting' | 'all') => (await listQueue(db(), { query, filter })).rows.map((r) => r.id);
    expect(await find(data.pesel!)).toContain(accountId);
    expect(await find(data.login.toUpperCase())).toContain(accountId);
    expect(await find(data.email)).toContain(accountId);
    expect(await find('szukajska')).toContain(accountId);
    expect(await find('Bozena Szukajska')).toContain(accountId);
    expect(await find('Szukajska Bożena')).toContain(accountId);
    const double = await newAccount(db(), { firstName: 'Anna Maria', lastName: 'Kowalska-Szukajska' });
    expect(await find('Kowalska-Szukajska Anna')).toContain(double.accountId);
    expect(await find('Anna Maria Kowalska')).toContain(double.accountId);
    expect(await find('%')).not.toContain(accountId);
    await verifyAccount(db(), registrar, accountId, 'inny');
    expect(await find(data.pesel!)).not.toContain(accountId);
    expect(await find(data.pesel!, 'all')).toContain(accountId);
    const counts = await countByStatus(db());
    expect(counts.verified).toBeGreaterThan(0);
  });

  it('shows the desk the submitted data, the patient record, consents, links and emails', async () => {
    const { accountId, data } = await newAccount(db());
    const detail = await getAccountDetail(db(), accountId);
    expect(detail?.account.submitted.pesel).toBe(data.pesel);
    expect(detail?.patient.pesel).toBe(data.pesel);
    expect(detail?.consents.map((c) => c.kind).sort()).toEqual(['data_processing', 'email', 'sms']);
    expect(detail?.tokens).toHaveLength(1);
    expect(detail?.emails[0]).toMatchObject({ template: 'activation', status: 'pending' });
    expect(await getAccountDetail(db(), 'not-a-uuid')).toBeNull();
  });

  it('names who verified and who blocked, each from their own staff row', async () => {
    const { accountId } = await newAccount(db());
    expect((await getAccountDetail(db(), accountId))?.verifiedByName).toBeNull();
    await verifyAccount(db(), registrar, accountId, 'dowod_osobisty');
    expect(await blockAccount(db(), admin, accountId, 'Podejrzenie podszycia się')).toEqual({ ok: true });
    const detail = await getAccountDetail(db(), accountId);
    expect([detail?.verifiedByName, detail?.blockedByName]).toEqual(['Pani registrar', 'Pani admin']);
  });

  it('keeps a block reason and a staff name without bidirectional controls, so they cannot reorder the desk’s pages', async () => {
    const { accountId } = await newAccount(db());
    expect(await blockAccount(db(), registrar, accountId, 'Dokument \u202Efałszywy\u202C, \u2067sprawdzić\u2069')).toEqual({ ok: true });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account!.blockedReason).toBe('Dokument fałszywy, sprawdzić');
    const [entry] = (await auditOf(db(), accountId)).filter((e) => e.action === 'account.block');
    expect(entry!.details).toEqual({ reason: 'Dokument fałszywy, sprawdzić' });
    // Only controls: nothing is left, which is no reason.
    const other = await newAccount(db());
    expect(await blockAccount(db(), registrar, other.accountId, '\u202E\u202E\u202E\u202E')).toEqual({ ok: false, error: 'reason' });
    const staff = await addStaff(db(), {
      login: `staff.${uniqueSuffix()}`,
      name: '\u202EPani Ewa',
      role: 'registrar',
      password: STAFF_PASSWORD,
    });
    if (!staff.ok) throw new Error(staff.error);
    const [row] = await db().select().from(staffAccounts).where(eq(staffAccounts.id, staff.id));
    expect(row!.name).toBe('Pani Ewa');
  });

  it('tells the desk the state of each link by the rule its own page uses', async () => {
    const { accountId } = await newAccount(db());
    const registered = await getAccountDetail(db(), accountId);
    expect(registered?.tokens.map((k) => [k.purpose, k.state])).toEqual([['activation', 'valid']]);
    const [first] = registered!.tokens;
    // At its expiry the link is expired, as /activate/[token] says.
    const atExpiry = await getAccountDetail(db(), accountId, first!.expiresAt);
    expect(atExpiry?.tokens.map((k) => k.state)).toEqual(['expired']);
    const justBefore = await getAccountDetail(db(), accountId, new Date(first!.expiresAt.getTime() - 1));
    expect(justBefore?.tokens.map((k) => k.state)).toEqual(['valid']);
    await resendActivationByStaff(db(), registrar, accountId);
    const resent = await getAccountDetail(db(), accountId);
    expect(resent?.tokens.map((k) => k.state)).toEqual(['valid', 'superseded']);
    // Superseded wins over expired: the older link is the newer one's victim, whenever we look.
    const later = await getAccountDetail(db(), accountId, new Date(Date.now() + 400 * 86_400_000));
    expect(later?.tokens.map((k) => k.state)).toEqual(['expired', 'superseded']);
    const token = await latestLink(db(), accountId, '/activate');
    const set = await setPasswordWithToken(db(), { purpose: 'activation', token: token!, password: PASSWORD, repeat: PASSWORD });
    expect(set.status).toBe('ok');
    const activated = await getAccountDetail(db(), accountId, new Date(Date.now() + 400 * 86_400_000));
    expect(activated?.tokens.map((k) => k.state)).toEqual(['used', 'superseded']);
    expect(activated?.tokens[0]?.usedAt).toBeInstanceOf(Date);
    // What the patient's link page says of the same tokens at the same moment.
    expect((await inspectToken(db(), 'activation', token!)).state).toBe('used');
  });

  it('signs staff in, refuses disabled staff, and ends sessions on disable and password reset', async () => {
    const login = `desk.${uniqueSuffix()}`;
    const created = await addStaff(db(), { login, name: 'Pani Ela', role: 'registrar', password: STAFF_PASSWORD });
    if (!created.ok) throw new Error(created.error);
    const signedIn = await authenticate(db(), login.toUpperCase(), STAFF_PASSWORD);
    expect(signedIn).toMatchObject({ ok: true, role: 'registrar' });
    if (!signedIn.ok) return;
    const sid = await startSession(db(), signedIn.id, 'registrar');
    expect(await checkSession(db(), sid, signedIn.id, 'registrar', signedIn.sessionVersion)).toEqual({ ok: true });
    expect(await checkSession(db(), sid, signedIn.id, 'admin', signedIn.sessionVersion)).toEqual({ ok: false, reason: 'ended' });
    await disableStaff(db(), login);
    expect(await checkSession(db(), sid, signedIn.id, 'registrar', signedIn.sessionVersion)).toEqual({ ok: false, reason: 'ended' });
    expect(await authenticate(db(), login, STAFF_PASSWORD)).toEqual({ ok: false, reason: 'blocked' });
    expect((await resetStaffPassword(db(), login, 'short')).ok).toBe(false);
    expect((await resetStaffPassword(db(), login, 'Nowe#HasloDesk9')).ok).toBe(true);
    expect((await authenticate(db(), login, 'Nowe#HasloDesk9')).ok).toBe(true);
  });

  it('keeps staff and patient logins apart', async () => {
    const { data } = await newAccount(db());
    expect(await addStaff(db(), { login: data.login, name: 'X', role: 'registrar', password: STAFF_PASSWORD })).toMatchObject({
      ok: false,
    });
    const login = `desk.${uniqueSuffix()}`;
    await addStaff(db(), { login, name: 'Y', role: 'registrar', password: STAFF_PASSWORD });
    const outcome = await registerPatient(db(), person({ login }), context());
    expect(outcome).toMatchObject({ status: 'invalid', fieldErrors: { login: expect.any(String) } });
    expect(await addStaff(db(), { login, name: 'Z', role: 'admin', password: STAFF_PASSWORD })).toEqual({
      ok: false,
      error: 'login: already exists',
    });
  });
});

describePostgres('verification under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => database?.dispose());

  it('lets one of two registrars verifying at once win, with one audit entry', async () => {
    const registrars = [await newStaff(database.db, 'registrar'), await newStaff(database.db, 'registrar')];
    for (let round = 0; round < 5; round++) {
      const { accountId } = await newAccount(database.db);
      const results = await Promise.all(registrars.map((r) => verifyAccount(database.db, r, accountId, 'dowod_osobisty')));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error === 'state')).toHaveLength(1);
      expect(await auditOf(database.db, accountId)).toHaveLength(1);
    }
  });

  it('never leaves an account both verified and blocked when a block races a verification', async () => {
    const [registrar] = [await newStaff(database.db, 'registrar')];
    const { accountId } = await newAccount(database.db);
    const [v, b] = await Promise.all([
      verifyAccount(database.db, registrar!, accountId, 'paszport'),
      blockAccount(database.db, registrar!, accountId, 'Równoległa blokada'),
    ]);
    const [account] = await database.db.select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(b.ok).toBe(true);
    expect(account!.status).toBe('blocked');
    expect((await auditOf(database.db, accountId)).length).toBe(v.ok ? 2 : 1);
  });
});
