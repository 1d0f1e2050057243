// Passkey events in the audit log: a staff member's under staff_id (like their sign-ins, see
// lib/auth/sign-in-events.ts), a patient's under account_id, so each shows in its own history.
import type { Db } from '@/db/client';
import { recordAuditEvent, type AuditDetails } from '@/lib/audit-event';
import { ownerValues, type PasskeyOwner } from './owners';

export const passkeyEvents = ['passkey.added', 'passkey.used', 'passkey.removed', 'passkey.counter_regression'] as const;
export type PasskeyEvent = (typeof passkeyEvents)[number];

export async function recordPasskeyEvent(db: Db, owner: PasskeyOwner, action: PasskeyEvent, details?: AuditDetails, ip?: string | null) {
  await recordAuditEvent(db, ownerValues(owner), action, details, ip);
}
