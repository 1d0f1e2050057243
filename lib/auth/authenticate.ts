// Checking a patient's login and password. Every path costs one argon2 verification, so the
// answer's timing does not tell whether a login exists.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webAccounts } from '@/db/schema';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';

export type AuthenticateResult =
  | { ok: true; accountId: string; sessionVersion: number }
  | { ok: false; reason: 'invalid' | 'pending' | 'blocked' };

export async function authenticatePatient(db: Db, login: string, password: string): Promise<AuthenticateResult> {
  if (login.length > 64 || password.length > 1024) {
    await verifyAgainstDummy(password.slice(0, 128));
    return { ok: false, reason: 'invalid' };
  }
  const [account] = await db
    .select({ id: webAccounts.id, status: webAccounts.status, passwordHash: webAccounts.passwordHash, sessionVersion: webAccounts.sessionVersion })
    .from(webAccounts)
    .where(sql`lower(${webAccounts.login}) = lower(${login.trim()})`)
    .limit(1);
  if (!account) return { ok: false, reason: await verifyAgainstDummy(password).then(() => 'invalid' as const) };
  if (!account.passwordHash) {
    await verifyAgainstDummy(password);
    return { ok: false, reason: account.status === 'blocked' ? 'invalid' : 'pending' };
  }
  if (!(await verifyPassword(account.passwordHash, password))) return { ok: false, reason: 'invalid' };
  if (account.status === 'blocked') return { ok: false, reason: 'blocked' };
  if (needsRehash(account.passwordHash)) {
    // Hashes made with older, weaker parameters are replaced while we know the password.
    await db.update(webAccounts).set({ passwordHash: await hashPassword(password) }).where(eq(webAccounts.id, account.id));
  }
  return { ok: true, accountId: account.id, sessionVersion: account.sessionVersion };
}

/** Whether a session issued for this account and version may still be used. */
export async function isSessionCurrent(db: Db, accountId: string, sessionVersion: number): Promise<boolean> {
  const [account] = await db
    .select({ status: webAccounts.status, sessionVersion: webAccounts.sessionVersion })
    .from(webAccounts)
    .where(eq(webAccounts.id, accountId));
  return !!account && account.status !== 'blocked' && account.sessionVersion === sessionVersion;
}
