// WebAuthn challenges, kept in PostgreSQL so that any instance can check the answer. The browser
// holds only the row's id (the handle). A challenge is spent by the DELETE that returns its row:
// of two requests with one handle only one gets it, whatever the outcome of the checks after.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webauthnChallenges, type WebauthnPurpose } from '@/db/schema';
import type { MfaOwner } from '@/lib/auth/mfa';
import { isUuid } from '@/lib/uuid';

export const CHALLENGE_TTL_MS = 5 * 60_000;

export interface IssuedChallenge {
  /** The row's id, for the browser to keep (a cookie) and send back with the answer. */
  handle: string;
  /** 32 random bytes, base64url, as the options hand it to the browser. */
  challenge: string;
}

const ownerValues = (owner: MfaOwner | null) =>
  owner === null ? {} : owner.kind === 'staff' ? { staffId: owner.id } : { accountId: owner.id };

export async function issueChallenge(db: Db, purpose: WebauthnPurpose, owner: MfaOwner | null, now = new Date()): Promise<IssuedChallenge> {
  const challenge = randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(webauthnChallenges)
    .values({ challenge, purpose, ...ownerValues(owner), expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) })
    .returning({ id: webauthnChallenges.id });
  return { handle: row!.id, challenge };
}

/**
 * Spends a challenge: returns it when it was issued for this purpose and owner and has not
 * expired, null otherwise. The row is gone after any call that found it, so a handle is tried once.
 */
export async function spendChallenge(
  db: Db,
  handle: string,
  purpose: WebauthnPurpose,
  owner: MfaOwner | null,
  now = new Date(),
): Promise<string | null> {
  if (typeof handle !== 'string' || !isUuid(handle)) return null;
  const [row] = await db.delete(webauthnChallenges).where(eq(webauthnChallenges.id, handle)).returning();
  if (!row || row.purpose !== purpose || row.expiresAt.getTime() <= now.getTime()) return null;
  const staffId = owner?.kind === 'staff' ? owner.id : null;
  const accountId = owner?.kind === 'patient' ? owner.id : null;
  if (row.staffId !== staffId || row.accountId !== accountId) return null;
  return row.challenge;
}
