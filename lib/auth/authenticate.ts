// Checking a login and password, for patients and staff alike (one /login). Every path costs
// one argon2 verification, so the answer's timing does not tell whether a login exists.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffAccounts, webAccounts, type StaffRole } from '@/db/schema';
import { announceSignInLockLater } from '@/lib/account/sign-in-lock';
import { admitAttempt, clearFailures } from '@/lib/security/account-throttle';
import { consume, peek, reset } from '@/lib/security/rate-limit';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';

export type Role = 'patient' | StaffRole;

export type AuthenticateResult =
  { ok: true; id: string; role: Role; sessionVersion: number } | { ok: false; reason: 'invalid' | 'pending' | 'blocked' };

const invalid = { ok: false, reason: 'invalid' } as const;

export async function authenticate(db: Db, login: string, password: string): Promise<AuthenticateResult> {
  if (login.length > 64 || password.length > 1024) {
    await verifyAgainstDummy(password.slice(0, 128));
    return invalid;
  }
  const name = login.trim();
  // Staff and patient logins never collide: registration and the staff CLI check both tables.
  const [staff] = await db
    .select({
      id: staffAccounts.id,
      role: staffAccounts.role,
      passwordHash: staffAccounts.passwordHash,
      disabledAt: staffAccounts.disabledAt,
      sessionVersion: staffAccounts.sessionVersion,
    })
    .from(staffAccounts)
    .where(sql`lower(${staffAccounts.login}) = lower(${name})`)
    .limit(1);
  if (staff) {
    if (!(await verifyPassword(staff.passwordHash, password))) return invalid;
    if (staff.disabledAt) return { ok: false, reason: 'blocked' };
    if (needsRehash(staff.passwordHash)) {
      await db
        .update(staffAccounts)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(staffAccounts.id, staff.id));
    }
    return { ok: true, id: staff.id, role: staff.role, sessionVersion: staff.sessionVersion };
  }

  const [account] = await db
    .select({
      id: webAccounts.id,
      status: webAccounts.status,
      passwordHash: webAccounts.passwordHash,
      sessionVersion: webAccounts.sessionVersion,
    })
    .from(webAccounts)
    .where(sql`lower(${webAccounts.login}) = lower(${name})`)
    .limit(1);
  if (!account) {
    await verifyAgainstDummy(password);
    return invalid;
  }
  if (!account.passwordHash) {
    await verifyAgainstDummy(password);
    return account.status === 'blocked' ? invalid : { ok: false, reason: 'pending' };
  }
  if (!(await verifyPassword(account.passwordHash, password))) return invalid;
  if (account.status === 'blocked') return { ok: false, reason: 'blocked' };
  if (needsRehash(account.passwordHash)) {
    // Hashes made with older, weaker parameters are replaced while we know the password.
    await db
      .update(webAccounts)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(webAccounts.id, account.id));
  }
  return { ok: true, id: account.id, role: 'patient', sessionVersion: account.sessionVersion };
}

/** Whether a session issued for this principal and version may still be used. */
export async function isSessionCurrent(db: Db, id: string, role: Role, sessionVersion: number): Promise<boolean> {
  if (role === 'patient') {
    const [account] = await db
      .select({ status: webAccounts.status, sessionVersion: webAccounts.sessionVersion })
      .from(webAccounts)
      .where(eq(webAccounts.id, id));
    return !!account && account.status !== 'blocked' && account.sessionVersion === sessionVersion;
  }
  const [staff] = await db
    .select({ role: staffAccounts.role, disabledAt: staffAccounts.disabledAt, sessionVersion: staffAccounts.sessionVersion })
    .from(staffAccounts)
    .where(eq(staffAccounts.id, id));
  return !!staff && !staff.disabledAt && staff.role === role && staff.sessionVersion === sessionVersion;
}

export type SignInResult = AuthenticateResult | { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Sign-in with brute-force limits: consecutive failures per login and address, failures per
 * address a day, and consecutive failures per account from any address (growing waits, then a
 * temporary lock of sign-in by password whose owner is emailed; lib/security/account-throttle.ts).
 * A limited attempt still costs a full hash check, so it looks like any other; an unknown login
 * is counted and locked exactly like a real one.
 */
export async function signInWithLimits(
  db: Db,
  login: string,
  password: string,
  ip: string | null,
  options: { now?: Date } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const perLogin = `${login.trim().slice(0, 64)}|${ip ?? ''}`;
  const [byLogin, byIp] = await Promise.all([peek(db, 'signinLogin', perLogin), peek(db, 'signinIp', ip)]);
  // Only an attempt the address limits let through is counted against the account.
  const byAccount = byLogin.ok && byIp.ok ? await admitAttempt(db, login, now) : null;
  const limited = !byLogin.ok ? byLogin : !byIp.ok ? byIp : byAccount && !byAccount.ok ? byAccount : null;
  if (limited) {
    await verifyAgainstDummy(password.slice(0, 128));
    return { ok: false, reason: 'limited', retryAfterSeconds: limited.retryAfterSeconds };
  }
  const result = await authenticate(db, login, password);
  if (result.ok) await Promise.all([reset(db, 'signinLogin', perLogin), clearFailures(db, login)]);
  else if (result.reason === 'invalid') await Promise.all([consume(db, 'signinLogin', perLogin), consume(db, 'signinIp', ip)]);
  if (!result.ok && byAccount?.ok && byAccount.locksNow && byAccount.lockedUntil) {
    await announceSignInLockLater(db, login, byAccount.lockedUntil, ip);
  }
  return result;
}

/** Ends every session of the principal (sign-out), by moving its session version on. */
export async function endSessions(db: Db, id: string, role: Role): Promise<void> {
  if (role === 'patient') {
    await db
      .update(webAccounts)
      .set({ sessionVersion: sql`${webAccounts.sessionVersion} + 1` })
      .where(eq(webAccounts.id, id));
  } else {
    await db
      .update(staffAccounts)
      .set({ sessionVersion: sql`${staffAccounts.sessionVersion} + 1` })
      .where(eq(staffAccounts.id, id));
  }
}
