import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { CSV_BOM } from '@/lib/csv';
import { addStaff } from '@/lib/staff/staff-accounts';
import { dashboardStats, dayRange, formatDuration, hospitalDay } from '@/lib/staff/dashboard';
import { exportCsv, parseDateRange } from '@/lib/staff/exports';
import { SEED_ACCOUNTS, SEED_BLOCKED, SEED_EXPECTED, hoursAgo, seedDashboardData } from '../helpers/dashboard-seed';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';

/** Splits our CSV (semicolons, quotes doubled, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describeEachDatabase('the desk dashboard and CSV exports', (kind) => {
  let database: TestDatabase;
  let admin: StaffPrincipal;
  let marker: string;
  const now = Date.now();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    marker = (await seedDashboardData(database.db, now)).marker;
    const added = await addStaff(database.db, {
      login: `admin.${marker}`,
      name: 'Pani Admin',
      role: 'admin',
      password: 'Administrator#2026x',
    });
    if (!added.ok) throw new Error(added.error);
    admin = { id: added.id, role: 'admin' };
  });
  afterAll(() => database?.dispose());

  it('counts registrations per hospital day by outcome over the last 30 days', async () => {
    const stats = await dashboardStats(database.db, new Date(now));
    expect(stats.registrations).toHaveLength(30);
    expect(stats.registrations.map((r) => r.day)).toEqual(dayRange(hospitalDay(new Date(now))));
    const expected = new Map<string, { newRecord: number; attached: number; conflict: number }>();
    const at = (day: string) => expected.get(day) ?? expected.set(day, { newRecord: 0, attached: 0, conflict: 0 }).get(day)!;
    for (const a of SEED_ACCOUNTS) {
      const day = hospitalDay(hoursAgo(a.createdH, now));
      if (day >= stats.from) at(day)[a.attached ? 'attached' : 'newRecord'] += 1;
    }
    for (const b of SEED_BLOCKED) {
      const day = hospitalDay(hoursAgo(b.hours, now));
      if (day >= stats.from) at(day).conflict += 1;
    }
    for (const row of stats.registrations) {
      expect(row, row.day).toEqual({ day: row.day, ...(expected.get(row.day) ?? { newRecord: 0, attached: 0, conflict: 0 }) });
    }
    expect(stats.conflictReasons).toEqual([
      { reason: 'pesel_has_account', count: 2 },
      { reason: 'email_taken', count: 1 },
    ]);
  });

  it('gives the activation rate, the backlog by waiting time and the median time to verification', async () => {
    const stats = await dashboardStats(database.db, new Date(now));
    const e = SEED_EXPECTED;
    expect(stats.activation).toEqual({ ...e.activation, rate: e.activation.activated / e.activation.created });
    expect(stats.backlog).toEqual({
      awaitingActivation: e.awaitingActivation,
      awaitingVerification: e.awaitingVerification,
      byAge: e.byAge,
    });
    expect(stats.verification.verified).toBe(e.verified);
    expect(stats.verification.medianSeconds).toBeCloseTo(e.medianSeconds, 0);
    expect(stats.email.failed).toBe(e.emailFailed);
    expect(stats.email.retrying).toBe(e.emailRetrying);
    expect(stats.email.failedByDay.reduce((sum, d) => sum + d.failed, 0)).toBe(e.emailFailed);
  });

  it('exports blocked registrations of a date range as CSV, formula-looking cells defused, and audits the export', async () => {
    const range = parseDateRange(hospitalDay(hoursAgo(24 * 40, now)), hospitalDay(new Date(now)))!;
    const csv = await exportCsv(database.db, admin, 'blocked-registrations', range);
    expect(csv.filename).toBe(`blocked-registrations_${range.from}_${range.to}.csv`);
    expect(csv.body.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(csv.body.slice(1));
    expect(rows[0]).toEqual(['czas', 'powod', 'pesel', 'imie', 'nazwisko', 'data_urodzenia', 'email', 'login', 'ip']);
    expect(rows).toHaveLength(1 + SEED_BLOCKED.length);
    expect(csv.rows).toBe(SEED_BLOCKED.length);
    const formula = rows.find((r) => r[6] === `blocked.${marker}.0@example.pl`)!;
    expect(formula[3]).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(formula[7]).toBe(`'@SUM(1+1)${marker}`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);

    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'export.blocked-registrations'));
    expect(entry).toMatchObject({ staffId: admin.id, details: { from: range.from, to: range.to, rows: SEED_BLOCKED.length } });
  });

  it('exports only the days asked for: a one-day range leaves the other days out', async () => {
    const day = hospitalDay(hoursAgo(50, now));
    const csv = await exportCsv(database.db, admin, 'blocked-registrations', parseDateRange(day, day)!);
    const inDay = SEED_BLOCKED.filter((b) => hospitalDay(hoursAgo(b.hours, now)) === day).length;
    expect(csv.rows).toBe(inDay);
  });

  it('exports the audit log, including the earlier exports', async () => {
    const range = parseDateRange(hospitalDay(new Date(now)), hospitalDay(new Date(now)))!;
    const csv = await exportCsv(database.db, admin, 'audit-log', range);
    const rows = parseCsv(csv.body.slice(1));
    expect(rows[0]).toEqual(['czas', 'pracownik_login', 'pracownik', 'dzialanie', 'konto_id', 'konto_login', 'szczegoly']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['export.blocked-registrations', 'export.blocked-registrations']);
    expect(rows[1]![1]).toBe(`admin.${marker}`);
  });
});

it('accepts only real, ordered date ranges of at most 366 days', () => {
  expect(parseDateRange('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  expect(parseDateRange('2026-01-01', '2026-12-31')).not.toBeNull();
  expect(parseDateRange('2026-01-01', '2027-01-02')).toBeNull();
  expect(parseDateRange('2026-02-30', '2026-03-01')).toBeNull();
  expect(parseDateRange('2026-03-02', '2026-03-01')).toBeNull();
  expect(parseDateRange('2026-03-01', null)).toBeNull();
  expect(parseDateRange("2026-03-01' or 1=1", '2026-03-02')).toBeNull();
});

it('words durations the way the desk reads them', () => {
  expect(formatDuration(45 * 60)).toBe('45 min');
  expect(formatDuration(4 * 3600)).toBe('4 godz. 0 min');
  expect(formatDuration(26 * 3600 + 59)).toBe('1 dzień 2 godz.');
  expect(formatDuration(3 * 86400 + 5 * 3600)).toBe('3 dni 5 godz.');
});
