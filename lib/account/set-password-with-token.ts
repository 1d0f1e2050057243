// Setting a password with an emailed link (activation or reset): the link is spent exactly once.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, webAccounts, type TokenPurpose } from '@/db/schema';
import { checkPasswordOnServer } from '@/lib/auth/password-check';
import { hashPassword } from '@/lib/auth/password-hash';
import type { PasswordRule } from '@/lib/password-policy';
import { liftSignInLock } from '@/lib/security/account-throttle';
import { hashToken } from '@/lib/secret-tokens';
import { inspectToken, type TokenState } from './inspect-account-token';

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
