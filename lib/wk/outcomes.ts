// How a use of login.gov.pl ends (lib/wk/identity-node.ts), for the ACS route that answers the
// browser; a refusal is counted, logged and audited by its reason code, never with personal data.
import type { Db } from '@/db/client';
import { auditLog, type WkPurpose } from '@/db/schema';
import type { SessionGrant } from '@/lib/auth/session-cookie';
import type { RefusalReason } from '@/lib/login-gov-pl';
import { logInfo } from '@/lib/log';
import { countIdentityNode } from '@/lib/metrics';

export type WkRefusalReason =
  | RefusalReason
  | 'artifact_reused'
  | 'request_unknown'
  | 'assertion_reused'
  | 'transport'
  | 'blocked'
  | 'not_activated'
  | 'unverified_account'
  | 'record_mismatch'
  | 'already_verified'
  | 'gone';

export type WkOutcome =
  | { kind: 'signed-in'; grant: SessionGrant }
  | { kind: 'no-account'; handle: string }
  | { kind: 'register'; handle: string }
  | { kind: 'verified'; accountId: string }
  | { kind: 'mismatch'; accountId: string }
  | { kind: 'refused'; reason: WkRefusalReason; purpose: WkPurpose | null };

const USE: Record<WkPurpose, string> = { login: 'signin', register: 'register', verify: 'verify' };

/** Records a refusal and says so. */
export async function refused(
  db: Db,
  reason: WkRefusalReason,
  purpose: WkPurpose | null,
  accountId: string | null = null,
): Promise<WkOutcome> {
  const cancelled = reason === 'cancelled';
  countIdentityNode(purpose ? USE[purpose] : 'other', cancelled ? 'cancelled' : 'refused');
  logInfo('login.gov.pl answer refused', { reason, purpose: purpose ?? 'unknown' });
  await db.insert(auditLog).values({ action: 'wk.refused', accountId, details: { reason, purpose } });
  return { kind: 'refused', reason, purpose };
}
