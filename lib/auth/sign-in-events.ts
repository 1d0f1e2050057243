// Staff sign-in events in the audit log (NIS2/KSC: who signed in, failed, was locked or timed
// out, when and from which address). Patients' sign-ins are not audited: their volume would
// drown the desk's own actions.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { recordAuditEvent, type AuditDetails } from '@/lib/audit-event';

export type StaffSignInEvent =
  | 'staff.signin.success'
  | 'staff.signin.password_failed'
  | 'staff.signin.code_failed'
  | 'staff.signin.limited'
  | 'staff.signin.mfa_enrolled'
  | 'staff.session.timeout';

export async function recordStaffEvent(db: Db, staffId: string, event: StaffSignInEvent, details?: AuditDetails, ip?: string | null) {
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
