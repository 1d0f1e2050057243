// CSV exports for administrators (issue 14): the audit log and the blocked registration attempts
// of a date range (hospital calendar days, both ends included). Each export is itself written to
// the audit log, in the same transaction that reads the rows.
import { and, asc, gte, lt } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { auditLog, blockedRegistrations } from '@/db/schema';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { toCsv } from '@/lib/csv';
import { auditEntries } from './audit-log';
import { addDays, startOfDay } from './dashboard';

export const EXPORT_KINDS = ['audit-log', 'blocked-registrations'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The longest range one export may cover. */
const MAX_EXPORT_DAYS = 366;
/** Rows in one export at most (a year of a busy desk fits many times over). */
const MAX_EXPORT_ROWS = 200_000;

export type DateRange = { from: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A valid range: two real days, `from` not after `to`, at most MAX_EXPORT_DAYS long. */
export function parseDateRange(from: unknown, to: unknown): DateRange | null {
  if (typeof from !== 'string' || typeof to !== 'string' || !isRealDay(from) || !isRealDay(to)) return null;
  if (from > to || addDays(from, MAX_EXPORT_DAYS - 1) < to) return null;
  return { from, to };
}

export interface CsvExport {
  filename: string;
  body: string;
  rows: number;
}

export async function exportCsv(db: Db, staff: StaffPrincipal, kind: ExportKind, range: DateRange): Promise<CsvExport> {
  return db.transaction(async (tx) => {
    const result = kind === 'audit-log' ? await auditLogCsv(tx, range) : await blockedRegistrationsCsv(tx, range);
    await tx.insert(auditLog).values({
      staffId: staff.id,
      action: `export.${kind}`,
      details: { from: range.from, to: range.to, rows: result.rows },
    });
    return { ...result, filename: `${kind}_${range.from}_${range.to}.csv` };
  });
}

/** From the start of the range's first day to the end of its last, hospital time. */
const within = (column: AnyPgColumn, range: DateRange) =>
  and(gte(column, startOfDay(range.from)), lt(column, startOfDay(addDays(range.to, 1))));

async function auditLogCsv(db: Db, range: DateRange) {
  const rows = await auditEntries(db)
    .where(within(auditLog.createdAt, range))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    .limit(MAX_EXPORT_ROWS);
  const body = toCsv(
    ['czas', 'pracownik_login', 'pracownik', 'dzialanie', 'konto_id', 'konto_login', 'szczegoly'],
    rows.map((r) => [r.createdAt, r.staffLogin, r.staffName, r.action, r.accountId, r.accountLogin, JSON.stringify(r.details ?? {})]),
  );
  return { body, rows: rows.length };
}

async function blockedRegistrationsCsv(db: Db, range: DateRange) {
  const b = blockedRegistrations;
  const rows = await db.select().from(b).where(within(b.createdAt, range)).orderBy(asc(b.createdAt), asc(b.id)).limit(MAX_EXPORT_ROWS);
  const body = toCsv(
    ['czas', 'powod', 'pesel', 'imie', 'nazwisko', 'data_urodzenia', 'email', 'login', 'ip'],
    rows.map((r) => [r.createdAt, r.reason, r.pesel, r.firstName, r.lastName, r.birthDate, r.email, r.login, r.ip]),
  );
  return { body, rows: rows.length };
}
