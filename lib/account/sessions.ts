// The one place the patient's self-service ends sessions. Sessions are rows of auth_sessions
// (lib/auth/sessions.ts), checked on every request, so one session can end while another lives.
import type { Db } from '@/db/client';
import { endAllSessions as endPrincipalSessions } from '@/lib/auth/sessions';

/** Ends every session of the account, this browser's included (sign out everywhere, erasure). */
export async function endAllSessions(db: Db, accountId: string): Promise<void> {
  await endPrincipalSessions(db, accountId, 'patient', 'everywhere');
}

/** The caller's own session, to be kept when the others end. */
export interface CurrentSession {
  accountId: string;
  /** The session row of this browser (undefined: none is kept). */
  sid?: string;
}

export interface EndOtherSessionsResult {
  /** Whether the caller's own session ended too and must be issued again. */
  reissueCurrent: boolean;
}

/** Ends every session of the account except the caller's own (after a password change). */
export async function endOtherSessions(db: Db, accountId: string, keep: CurrentSession): Promise<EndOtherSessionsResult> {
  if (keep.accountId !== accountId) throw new Error('endOtherSessions: the kept session belongs to another account');
  await endPrincipalSessions(db, accountId, 'patient', 'password_changed', keep.sid);
  return { reissueCurrent: !keep.sid };
}
