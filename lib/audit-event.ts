// One row of the audit log for something a person did, with the address their request came from
// (lib/request.ts) when it came in a request; staff sign-ins and passkey events are written so.
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { clientIp } from '@/lib/request';

export type AuditDetails = Record<string, string | number | boolean | null>;

/** Whose history the row belongs to: a staff member's or a patient's account. */
export type AuditSubject = { staffId: string } | { accountId: string };

async function requestIp(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return clientIp(await headers());
  } catch {
    return null; // outside a request (tests, scripts)
  }
}

/** Writes the event; `ip` given (null included) replaces the request's address. */
export async function recordAuditEvent(db: Db, subject: AuditSubject, action: string, details: AuditDetails = {}, ip?: string | null) {
  const address = ip === undefined ? await requestIp() : ip;
  await db.insert(auditLog).values({ ...subject, action, details: { ...details, ip: address } });
}
