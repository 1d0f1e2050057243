// Passkey events in the audit log: a staff member's under staff_id (like their sign-ins, see
// lib/auth/sign-in-events.ts), a patient's under account_id, so each shows in its own history.
import type { Db } from '@/db/client';
import type { MfaOwner } from '@/lib/auth/mfa';
import { recordAuditEvent } from '@/lib/auth/sign-in-events';

export type PasskeyEvent = 'passkey.added' | 'passkey.used' | 'passkey.removed' | 'passkey.counter_regression';

export async function recordPasskeyEvent(
  db: Db,
  owner: MfaOwner,
  action: PasskeyEvent,
  details: Record<string, string | number | boolean | null> = {},
  ip?: string | null,
): Promise<void> {
  await recordAuditEvent(db, owner.kind === 'staff' ? { staffId: owner.id } : { accountId: owner.id }, action, details, ip);
}
