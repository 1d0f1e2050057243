// The numbers behind the desk's dashboard (/admin): registrations per day by outcome, activation,
// the verification backlog and email failures over the last 30 days. Days are the hospital's
// calendar days (Europe/Warsaw). Only counts leave this module, never a person's data.
import { and, eq, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { blockedRegistrations, emailOutbox, smsOutbox, webAccounts } from '@/db/schema';
import { counted } from '@/lib/messages/plural';
import { HOSPITAL_TIME_ZONE } from '@/lib/time-zone';

const DASHBOARD_DAYS = 30;

export interface DayCount {
  day: string; // YYYY-MM-DD, hospital time
  newRecord: number; // registered, a new patient record created
  attached: number; // registered, attached to an existing patient record
  conflict: number; // blocked with "Konflikt danych"
}

export const BACKLOG_BUCKETS = ['under1d', 'from1to7d', 'from7to30d', 'over30d'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];

export interface DashboardStats {
  from: string;
  to: string;
  registrations: DayCount[];
  conflictReasons: Array<{ reason: string; count: number }>;
  activation: { created: number; activated: number; rate: number | null };
  backlog: {
    awaitingActivation: number;
    awaitingVerification: number;
    /** Activated accounts waiting for the desk, by time since activation. */
    byAge: Record<BacklogBucket, number>;
  };
  verification: { verified: number; medianSeconds: number | null; byMethod: { desk: number; node: number } };
  email: { failedByDay: Array<{ day: string; failed: number }>; failed: number; retrying: number; smsFailed: number };
}

/** The hospital's calendar date of `now`, as YYYY-MM-DD. */
export function hospitalDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HOSPITAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last `count` days up to and including `to`. */
export function dayRange(to: string, count = DASHBOARD_DAYS): string[] {
  return Array.from({ length: count }, (_, i) => addDays(to, i - count + 1));
}

// The time zone is written into the SQL text, not bound, so GROUP BY sees the same expression.
const zone = sql.raw(`'${HOSPITAL_TIME_ZONE}'`);
const dayOf = (column: AnyPgColumn): SQL<string> => sql<string>`to_char((${column} at time zone ${zone})::date, 'YYYY-MM-DD')`;
/** Midnight at the start of `day` in the hospital's time zone. */
export const startOfDay = (day: string): SQL => sql`((${day})::date::timestamp at time zone ${zone})`;
const int = (expression: SQL) => sql<number>`(${expression})::int`;
// An activated account waits for the desk from its activation (older rows may lack the time).
const waitingSince = sql`coalesce(${webAccounts.activatedAt}, ${webAccounts.createdAt})`;

export async function dashboardStats(db: Db, now = new Date()): Promise<DashboardStats> {
  const to = hospitalDay(now);
  const days = dayRange(to);
  const from = days[0]!;
  const since = startOfDay(from);

  const [
    accountsByDay,
    conflictsByDay,
    [activation],
    backlogRows,
    [ages],
    [verification],
    failedByDay,
    [retrying],
    [smsFailed],
    [methods],
  ] = await Promise.all([
    db
      .select({
        day: dayOf(webAccounts.createdAt),
        newRecord: int(sql`count(*) filter (where ${webAccounts.patientAttached} = 0)`),
        attached: int(sql`count(*) filter (where ${webAccounts.patientAttached} <> 0)`),
      })
      .from(webAccounts)
      .where(gte(webAccounts.createdAt, since))
      .groupBy(dayOf(webAccounts.createdAt)),
    db
      .select({ day: dayOf(blockedRegistrations.createdAt), reason: blockedRegistrations.reason, count: int(sql`count(*)`) })
      .from(blockedRegistrations)
      .where(gte(blockedRegistrations.createdAt, since))
      .groupBy(dayOf(blockedRegistrations.createdAt), blockedRegistrations.reason),
    db
      .select({ created: int(sql`count(*)`), activated: int(sql`count(${webAccounts.activatedAt})`) })
      .from(webAccounts)
      .where(gte(webAccounts.createdAt, since)),
    db
      .select({ status: webAccounts.status, count: int(sql`count(*)`) })
      .from(webAccounts)
      .where(inArray(webAccounts.status, ['pending_activation', 'active']))
      .groupBy(webAccounts.status),
    db
      .select({
        under1d: int(sql`count(*) filter (where now() - ${waitingSince} < interval '1 day')`),
        from1to7d: int(
          sql`count(*) filter (where now() - ${waitingSince} >= interval '1 day' and now() - ${waitingSince} < interval '7 days')`,
        ),
        from7to30d: int(
          sql`count(*) filter (where now() - ${waitingSince} >= interval '7 days' and now() - ${waitingSince} < interval '30 days')`,
        ),
        over30d: int(sql`count(*) filter (where now() - ${waitingSince} >= interval '30 days')`),
      })
      .from(webAccounts)
      .where(eq(webAccounts.status, 'active')),
    db
      .select({
        verified: int(sql`count(*)`),
        median: sql<
          number | null
        >`(percentile_cont(0.5) within group (order by extract(epoch from ${webAccounts.verifiedAt} - ${webAccounts.activatedAt})))::float8`,
      })
      .from(webAccounts)
      .where(
        and(
          gte(webAccounts.verifiedAt, since),
          isNotNull(webAccounts.activatedAt),
          sql`${webAccounts.verifiedAt} >= ${webAccounts.activatedAt}`,
        ),
      ),
    db
      .select({ day: dayOf(emailOutbox.createdAt), failed: int(sql`count(*)`) })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'failed'), gte(emailOutbox.createdAt, since)))
      .groupBy(dayOf(emailOutbox.createdAt)),
    db
      .select({ count: int(sql`count(*)`) })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), sql`${emailOutbox.attempts} > 0`)),
    // SMS that failed in the period (a permanent error, or retries given up).
    db
      .select({ count: int(sql`count(*)`) })
      .from(smsOutbox)
      .where(and(eq(smsOutbox.status, 'failed'), gte(smsOutbox.createdAt, since))),
    // Every verification in the period by how it was made (login.gov.pl may verify before activation).
    db
      .select({
        desk: int(sql`count(*) filter (where ${webAccounts.verificationMethod} = 'desk')`),
        node: int(sql`count(*) filter (where ${webAccounts.verificationMethod} = 'login.gov.pl')`),
      })
      .from(webAccounts)
      .where(gte(webAccounts.verifiedAt, since)),
  ]);

  const registrations: DayCount[] = days.map((day) => ({ day, newRecord: 0, attached: 0, conflict: 0 }));
  const byDay = new Map(registrations.map((r) => [r.day, r]));
  for (const row of accountsByDay) {
    const entry = byDay.get(row.day);
    if (entry) Object.assign(entry, { newRecord: Number(row.newRecord), attached: Number(row.attached) });
  }
  const reasons = new Map<string, number>();
  for (const row of conflictsByDay) {
    const entry = byDay.get(row.day);
    if (entry) entry.conflict += Number(row.count);
    reasons.set(row.reason, (reasons.get(row.reason) ?? 0) + Number(row.count));
  }

  const failures = new Map(failedByDay.map((r) => [r.day, Number(r.failed)]));
  const created = Number(activation?.created ?? 0);
  const activated = Number(activation?.activated ?? 0);
  const backlogCount = (status: string) => Number(backlogRows.find((r) => r.status === status)?.count ?? 0);
  const median = verification?.median;

  return {
    from,
    to,
    registrations,
    conflictReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    activation: { created, activated, rate: created > 0 ? activated / created : null },
    backlog: {
      awaitingActivation: backlogCount('pending_activation'),
      awaitingVerification: backlogCount('active'),
      byAge: {
        under1d: Number(ages?.under1d ?? 0),
        from1to7d: Number(ages?.from1to7d ?? 0),
        from7to30d: Number(ages?.from7to30d ?? 0),
        over30d: Number(ages?.over30d ?? 0),
      },
    },
    verification: {
      verified: Number(verification?.verified ?? 0),
      medianSeconds: median === null || median === undefined ? null : Number(median),
      byMethod: { desk: Number(methods?.desk ?? 0), node: Number(methods?.node ?? 0) },
    },
    email: {
      failedByDay: days.map((day) => ({ day, failed: failures.get(day) ?? 0 })),
      failed: [...failures.values()].reduce((a, b) => a + b, 0),
      retrying: Number(retrying?.count ?? 0),
      smsFailed: Number(smsFailed?.count ?? 0),
    },
  };
}

/** "45 min", "5 godz. 10 min", "2 dni 3 godz." */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} godz. ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return `${counted('pl', days, { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' })} ${hours % 24} godz.`;
}
