// A summary of a patient's sign-ins (how many, the last one) for their own data export.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webAccounts } from '@/db/schema';

export async function recordPatientSignIn(db: Db, accountId: string, now = new Date()): Promise<void> {
  await db
    .update(webAccounts)
    .set({ signInCount: sql`${webAccounts.signInCount} + 1`, lastSignInAt: now })
    .where(eq(webAccounts.id, accountId));
}
