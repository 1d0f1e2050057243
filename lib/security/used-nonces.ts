// Single use across instances: a nonce is spent by the one request whose insert wins.
import type { Db } from '@/db/client';
import { usedNonces } from '@/db/schema';

export type NoncePurpose = 'sign-in.enrolled' | 'wk.artifact' | 'wk.assertion';

/** True for the first caller only; every later (or concurrent) call with the same nonce gets false. */
export async function spendNonce(db: Db, purpose: NoncePurpose, nonce: string, expiresAt: Date): Promise<boolean> {
  const spent = await db
    .insert(usedNonces)
    .values({ purpose, nonce, expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: usedNonces.nonce });
  return spent.length === 1;
}
