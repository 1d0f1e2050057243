// Staff sign-in events in the audit log (NIS2/KSC: who signed in, failed, was locked or timed
// out, when and from which address). Patients' sign-ins are not audited: their volume would
// drown the desk's own actions.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, staffAccounts } from '@/db/schema';
import { clientIp } from '@/lib/request';

export type StaffSignInEvent =
  | 'staff.signin.success'
  | 'staff.signin.password_failed'
  | 'staff.signin.code_failed'
  | 'staff.signin.limited'
  | 'staff.signin.mfa_enrolled'
  | 'staff.session.timeout';

async function requestIp(): Promise<string | null> {
  try {
    const { headers } = await import('next/headers');
    return clientIp(await headers());
  } catch {
    return null; // outside a request (tests, scripts)
  }
}

/**
 * An audit entry about a staff member or a patient account, with the client address of the
 * request it happens in (or `ip` when the caller knows it; null outside a request).
 */
export async function recordAuditEvent(
  db: Db,
  subject: { staffId: string } | { accountId: string },
  action: string,
  details: Record<string, string | number | boolean | null> = {},
  ip?: string | null,
): Promise<void> {
  const address = ip === undefined ? await requestIp() : ip;
  await db.insert(auditLog).values({ ...subject, action, details: { ...details, ip: address } });
}

export async function recordStaffEvent(
  db: Db,
  staffId: string,
  event: StaffSignInEvent,
  details: Record<string, string | number | boolean | null> = {},
  ip?: string | null,
): Promise<void> {
  await recordAuditEvent(db, { staffId }, event, details, ip);
}

/** The staff account a login names, if any (for auditing a failure; never shown to the caller). */
export async function staffIdByLogin(db: Db, login: string): Promise<string | null> {
  const [row] = await db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(eq(staffAccounts.login, login.trim().slice(0, 64)))
    .limit(1);
  return row?.id ?? null;
}
