// Passkey events in the audit log: a staff member's under staff_id (like their sign-ins, see
// lib/auth/sign-in-events.ts), a patient's under account_id, so each shows in its own history.
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { MfaOwner } from '@/lib/auth/mfa';
import { clientIp } from '@/lib/request';

export type PasskeyEvent = 'passkey.added' | 'passkey.used' | 'passkey.removed' | 'passkey.counter_regression';

async function requestIp(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return clientIp(await headers());
  } catch {
    return null; // outside a request (tests, scripts)
  }
}

export async function recordPasskeyEvent(
  db: Db,
  owner: MfaOwner,
  action: PasskeyEvent,
  details: Record<string, string | number | boolean | null> = {},
  ip?: string | null,
): Promise<void> {
  const address = ip === undefined ? await requestIp() : ip;
  await db.insert(auditLog).values({
    ...(owner.kind === 'staff' ? { staffId: owner.id } : { accountId: owner.id }),
    action,
    details: { ...details, ip: address },
  });
}
