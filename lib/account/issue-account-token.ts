// Issuing a single-use emailed token (activation, password reset): only its SHA-256 is stored.
import { sql } from 'drizzle-orm';
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
  // One statement: the update does not see the row inserted beside it (one snapshot), so only
  // the older tokens are superseded.
  const at = now.toISOString();
  await tx.execute(sql`
    with superseded as (
      update ${accountTokens} set superseded_at = ${at}::timestamptz
       where account_id = ${params.accountId} and purpose = ${params.purpose} and used_at is null and superseded_at is null)
    insert into ${accountTokens} (account_id, purpose, token_hash, expires_at, created_at)
    values (${params.accountId}, ${params.purpose}, ${hashToken(token)}, ${expiresAt.toISOString()}::timestamptz, ${at}::timestamptz)`);
  return { token, expiresAt };
}
