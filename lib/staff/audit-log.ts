// The audit log as staff read it: newest entries, filtered by staff member and kind of event.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, staffAccounts, webAccounts } from '@/db/schema';

export interface AuditFilter {
  staffId?: string;
  action?: string;
}

/** Audit entries with the staff member who acted and the login of the account concerned, to filter and order. */
export function auditEntries(db: Db) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      staffName: staffAccounts.name,
      staffLogin: staffAccounts.login,
      accountId: auditLog.accountId,
      accountLogin: webAccounts.login,
    })
    .from(auditLog)
    .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
    .leftJoin(webAccounts, eq(webAccounts.id, auditLog.accountId))
    .$dynamic();
}

/** The newest audit entries, optionally of one staff member and/or one kind of event. */
export function listAudit(db: Db, filter: AuditFilter = {}, limit = 200) {
  const conditions = [
    filter.staffId ? eq(auditLog.staffId, filter.staffId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
  ];
  return auditEntries(db)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** The kinds of event the log holds, for the filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
