// What state an emailed link is in: the page of the link says so, and the desk sees the same.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, patients, webAccounts, type TokenPurpose } from '@/db/schema';
import { hashToken, isWellFormedToken } from '@/lib/secret-tokens';
import { selectAccountsWithPatients } from './account-with-patient';

export type TokenState = 'valid' | 'unknown' | 'expired' | 'used' | 'superseded';

/** The state of a stored token at `now`: used, then superseded, then expired win over valid. */
export function tokenState(
  token: { usedAt: Date | null; supersededAt: Date | null; expiresAt: Date },
  now: Date,
): Exclude<TokenState, 'unknown'> {
  if (token.usedAt) return 'used';
  if (token.supersededAt) return 'superseded';
  if (token.expiresAt <= now) return 'expired';
  return 'valid';
}

export interface TokenInfo {
  state: TokenState;
  accountId?: string;
  login?: string;
  pesel?: string | null;
}

export async function inspectToken(db: Db, purpose: TokenPurpose, token: string, now = new Date()): Promise<TokenInfo> {
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const [row] = await selectAccountsWithPatients(db, {
    accountId: accountTokens.accountId,
    expiresAt: accountTokens.expiresAt,
    usedAt: accountTokens.usedAt,
    supersededAt: accountTokens.supersededAt,
    login: webAccounts.login,
    status: webAccounts.status,
    pesel: patients.pesel,
  })
    .innerJoin(accountTokens, eq(accountTokens.accountId, webAccounts.id))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose)));
  if (!row) return { state: 'unknown' };
  const state = tokenState(row, now);
  // A blocked account's links do nothing.
  if (state === 'valid' && row.status === 'blocked') return { state: 'unknown' };
  return { state, accountId: row.accountId, login: row.login, pesel: row.pesel };
}
