// Issuing a single-use emailed token (activation, password reset): only its SHA-256 is stored.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, type TokenPurpose } from '@/db/schema';
import { generateToken, hashToken } from '@/lib/secret-tokens';

/** Creates a token for the account; every older unused token of that purpose stops working. */
export async function issueAccountToken(
  tx: Db,
  params: { accountId: string; purpose: TokenPurpose; ttlHours: number; token?: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = params.now ?? new Date();
  const token = params.token ?? generateToken();
  const expiresAt = new Date(now.getTime() + params.ttlHours * 3600_000);
  await tx
    .update(accountTokens)
    .set({ supersededAt: now })
    .where(
      and(
        eq(accountTokens.accountId, params.accountId),
        eq(accountTokens.purpose, params.purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.supersededAt),
      ),
    );
  await tx.insert(accountTokens).values({
    accountId: params.accountId,
    purpose: params.purpose,
    tokenHash: hashToken(token),
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}
