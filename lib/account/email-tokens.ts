// Using the links sent by email: what state a token is in, and setting a password with it.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, patients, webAccounts, type TokenPurpose } from '@/db/schema';
import { checkPasswordOnServer } from '@/lib/auth/password-check';
import { hashPassword } from '@/lib/auth/password-hash';
import type { PasswordRule } from '@/lib/password-policy';
import { liftSignInLock } from '@/lib/security/account-throttle';
import { hashToken, isWellFormedToken } from '@/lib/tokens';

export type TokenState = 'valid' | 'unknown' | 'expired' | 'used' | 'superseded';

export interface TokenInfo {
  state: TokenState;
  accountId?: string;
  login?: string;
  pesel?: string | null;
}

export async function inspectToken(db: Db, purpose: TokenPurpose, token: string, now = new Date()): Promise<TokenInfo> {
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const [row] = await db
    .select({
      accountId: accountTokens.accountId,
      expiresAt: accountTokens.expiresAt,
      usedAt: accountTokens.usedAt,
      supersededAt: accountTokens.supersededAt,
      login: webAccounts.login,
      status: webAccounts.status,
      pesel: patients.pesel,
    })
    .from(accountTokens)
    .innerJoin(webAccounts, eq(webAccounts.id, accountTokens.accountId))
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)));
  if (!row) return { state: 'unknown' };
  const info = { accountId: row.accountId, login: row.login, pesel: row.pesel };
  if (row.usedAt) return { state: 'used', ...info };
  if (row.supersededAt) return { state: 'superseded', ...info };
  if (row.expiresAt <= now) return { state: 'expired', ...info };
  // A blocked account's links do nothing.
  if (row.status === 'blocked') return { state: 'unknown' };
  return { state: 'valid', ...info };
}

export type SetPasswordOutcome =
  | { status: 'ok'; accountId: string }
  | { status: 'weak'; broken: PasswordRule[] }
  | { status: 'token'; state: Exclude<TokenState, 'valid'> };

/**
 * Sets the password with an emailed token. The token is spent by one conditional UPDATE, so of
 * two simultaneous submissions exactly one succeeds; the other sees the token as used.
 */
export async function setPasswordWithToken(
  db: Db,
  params: { purpose: TokenPurpose; token: string; password: string; repeat: string; now?: Date },
): Promise<SetPasswordOutcome> {
  const now = params.now ?? new Date();
  const info = await inspectToken(db, params.purpose, params.token, now);
  if (info.state !== 'valid') return { status: 'token', state: info.state };
  const broken = checkPasswordOnServer(params.password, { login: info.login, pesel: info.pesel, repeat: params.repeat });
  if (broken.length > 0) return { status: 'weak', broken };
  const passwordHash = await hashPassword(params.password);

  try {
    return await db.transaction(async (tx) => {
    const [spent] = await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.tokenHash, hashToken(params.token)),
          eq(accountTokens.purpose, params.purpose),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.supersededAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .returning({ accountId: accountTokens.accountId });
    if (!spent) return { status: 'token', state: 'used' } as const;
    const [account] = await tx
      .update(webAccounts)
      .set({
        passwordHash,
        passwordChangedAt: now,
        sessionVersion: sql`${webAccounts.sessionVersion} + 1`,
        status: sql`case when ${webAccounts.status} = 'pending_activation' then 'active' else ${webAccounts.status} end`,
        activatedAt: sql`coalesce(${webAccounts.activatedAt}, ${now.toISOString()}::timestamptz)`,
      })
      .where(and(eq(webAccounts.id, spent.accountId), sql`${webAccounts.status} <> 'blocked'`))
      .returning({ id: webAccounts.id, login: webAccounts.login });
    // Blocked between the check and now: keep the token unspent and say nothing more.
    if (!account) throw new AccountBlocked();
    // Whoever sets a password with an emailed link controls the mailbox: a lock of sign-in by
    // password after many failed attempts (and their count) ends here.
    await liftSignInLock(tx, account.login, now);
    return { status: 'ok', accountId: spent.accountId } as const;
    });
  } catch (error) {
    if (error instanceof AccountBlocked) return { status: 'token', state: 'unknown' };
    throw error;
  }
}

class AccountBlocked extends Error {}
