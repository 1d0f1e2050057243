// The one place the patient's self-service ends sessions. Today's sessions are Auth.js JWT
// cookies checked on every request against the account's `session_version`
// (lib/auth/authenticate.ts isSessionCurrent), so ending sessions means moving that version on.
// Should sessions become rows of their own, only this module changes.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webAccounts } from '@/db/schema';

/** Ends every session of the account, this browser's included (sign out everywhere, erasure). */
export async function endAllSessions(db: Db, accountId: string): Promise<void> {
  await db
    .update(webAccounts)
    .set({ sessionVersion: sql`${webAccounts.sessionVersion} + 1` })
    .where(eq(webAccounts.id, accountId));
}

/** The caller's own session, to be kept when the others end. */
export interface CurrentSession {
  accountId: string;
}

export interface EndOtherSessionsResult {
  /**
   * Whether the caller's own session ended too and must be issued again. With one version per
   * account no session can outlive the others, so today this is always true: the caller signs
   * the patient in again (the password change does so with the new password).
   */
  reissueCurrent: boolean;
}

/** Ends every session of the account except the caller's own (after a password change). */
export async function endOtherSessions(db: Db, accountId: string, keep: CurrentSession): Promise<EndOtherSessionsResult> {
  if (keep.accountId !== accountId) throw new Error('endOtherSessions: the kept session belongs to another account');
  await endAllSessions(db, accountId);
  return { reissueCurrent: true };
}
