// Locks of sign-in by password (lib/security/account-throttle.ts) as staff see and lift them:
// the desk in a patient's verification detail, an admin at the server with
// `npm run staff -- unlock --login L` (staff have no email to receive a reset link). Every
// lifting is written to the audit log in the same transaction.
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, signinThrottles, staffAccounts, webAccounts } from '@/db/schema';
import type { Role } from '@/lib/auth/authenticate';
import { isUntilLifted, loginKey, normaliseLogin, signInLockOf, type SignInLock } from '@/lib/security/account-throttle';
import { isUuid } from '@/lib/uuid';
import type { LiftResult } from './decision-outcomes';

export { isUntilLifted, signInLockOf, type SignInLock };

const STAFF_ROLES: Role[] = ['registrar', 'admin'];

/** The desk lifts the lock of a patient account; the caller's role is checked here too. */
export async function liftSignInLockByStaff(
  db: Db,
  caller: { id: string; role: Role },
  accountId: string,
  now = new Date(),
): Promise<LiftResult> {
  if (!STAFF_ROLES.includes(caller.role)) return { ok: false, error: 'forbidden' };
  if (!isUuid(accountId)) return { ok: false, error: 'not_found' };
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ login: webAccounts.login }).from(webAccounts).where(eq(webAccounts.id, accountId));
    if (!account) return { ok: false, error: 'not_found' } as const;
    const [lifted] = await tx
      .delete(signinThrottles)
      .where(
        and(
          eq(signinThrottles.loginKey, loginKey(account.login)),
          gt(signinThrottles.lockedUntil, now),
          gt(signinThrottles.expiresAt, now),
        ),
      )
      .returning({ failures: signinThrottles.failures, lockedUntil: signinThrottles.lockedUntil });
    if (!lifted) return { ok: false, error: 'not_locked' } as const;
    await tx.insert(auditLog).values({
      staffId: caller.id,
      action: 'account.signin_unlock',
      accountId,
      details: { failures: lifted.failures, lockedUntil: lifted.lockedUntil?.toISOString() ?? null },
    });
    return { ok: true } as const;
  });
}

export type UnlockResult = { ok: true; kind: 'staff' | 'patient' | 'unknown'; wasLocked: boolean } | { ok: false; error: string };

/**
 * The CLI's unlock: forgets the failed sign-ins of any login (a staff member's, a patient's or
 * one that does not exist) and lifts its lock, audited against the account it names.
 */
export async function unlockLogin(db: Db, login: string, now = new Date()): Promise<UnlockResult> {
  const name = normaliseLogin(login);
  if (name === '' || name.length > 64) return { ok: false, error: 'login: 1–64 characters' };
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(signinThrottles)
      .where(eq(signinThrottles.loginKey, loginKey(name)))
      .returning({ failures: signinThrottles.failures, lockedUntil: signinThrottles.lockedUntil, expiresAt: signinThrottles.expiresAt });
    if (!removed || removed.expiresAt <= now) return { ok: false, error: 'no failed sign-ins recorded for that login' } as const;
    const wasLocked = !!removed.lockedUntil && removed.lockedUntil > now;
    const details = { by: 'cli', failures: removed.failures, wasLocked };
    const [staff] = await tx.select({ id: staffAccounts.id }).from(staffAccounts).where(eq(staffAccounts.login, name));
    if (staff) {
      await tx.insert(auditLog).values({ staffId: staff.id, action: 'staff.signin.unlock', details });
      return { ok: true, kind: 'staff', wasLocked } as const;
    }
    const [account] = await tx.select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.login, name));
    await tx
      .insert(auditLog)
      .values({ action: account ? 'account.signin_unlock' : 'signin.unlock', accountId: account?.id ?? null, details });
    return { ok: true, kind: account ? 'patient' : 'unknown', wasLocked } as const;
  });
}
