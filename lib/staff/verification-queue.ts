// The registration desk's queue (SPEC §11): accounts to verify, searched and keyset-paged, and
// the counters by status.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountStatuses, patients, prefixSearchKey, webAccounts, type AccountStatus } from '@/db/schema';
import { selectAccountsWithPatients } from '@/lib/account/account-with-patient';
import { nameKey } from '@/lib/text';
import { isUuid } from '@/lib/uuid';

const PAGE_SIZE = 25;

export type QueueFilter = 'waiting' | AccountStatus | 'all';
export const queueFilters: QueueFilter[] = ['waiting', ...accountStatuses, 'all'];

const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Each way of searching is its own index-backed SELECT of account ids, united, so that no OR
// across two tables forces a scan of every account.
function searchCondition(query: string): SQL | undefined {
  const q = query.trim().slice(0, 100);
  if (q === '') return undefined;
  if (/^\d{11}$/.test(q)) return eq(patients.pesel, q);
  if (q.includes('@')) return sql`${prefixSearchKey(webAccounts.email)} like ${like(q.toLowerCase())}`;
  const account = (where: SQL) => sql`select ${webAccounts.id} from ${webAccounts} where ${where}`;
  const person = (where: SQL) =>
    sql`select ${webAccounts.id} from ${webAccounts} join ${patients} on ${patients.id} = ${webAccounts.patientId} where ${where}`;
  const words = nameKey(q).split(' ').filter(Boolean).slice(0, 5);
  // "Anna Kowalska-Nowak" or "Kowalska-Nowak Anna": try each split into first and last name.
  const splits = words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')] as const);
  const parts = [
    account(sql`${prefixSearchKey(webAccounts.login)} like ${like(q.toLowerCase())}`),
    ...(words.length === 1 ? [person(sql`${patients.lastNameKey} like ${like(words[0]!)}`)] : []),
    ...splits.flatMap(([head, tail]) => [
      person(sql`${patients.lastNameKey} like ${like(tail)} and ${patients.firstNameKey} = ${head}`),
      person(sql`${patients.lastNameKey} = ${head} and ${patients.firstNameKey} like ${like(tail)}`),
    ]),
  ];
  return sql`${webAccounts.id} in (${sql.join(parts, sql` union `)})`;
}

// Written out, not parameterised, so the planner can use the partial index of the queue.
const WAITING = sql.raw(`"web_accounts"."status" in ('pending_activation', 'active')`);

function statusCondition(filter: QueueFilter): SQL | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'waiting') return WAITING;
  return eq(webAccounts.status, filter);
}

// The cursor keeps the timestamp as PostgreSQL prints it (microseconds), not as a JS Date
// (milliseconds), so rows created within one millisecond are neither skipped nor repeated.
function encodeCursor(row: { cursorAt: string; id: string }): string {
  return Buffer.from(`${row.cursorAt}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor.slice(0, 200), 'base64url').toString('utf8').split('|');
  // Only what PostgreSQL itself printed: a forged cursor is ignored, never sent to the database.
  const m = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(at ?? '');
  if (!m || !isUuid(id ?? '')) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { at: at!, id: id! };
}

export interface QueueParams {
  query?: string;
  filter?: QueueFilter;
  /** Opaque keyset cursor: the page starts after this row. */
  after?: string;
}

/** Newest first, keyset-paged on (created_at, id) so page 1000 costs what page 1 does. */
export async function listQueue(db: Db, params: QueueParams) {
  const cursor = decodeCursor(params.after);
  const conditions = [
    statusCondition(params.filter ?? 'waiting'),
    searchCondition(params.query ?? ''),
    cursor ? sql`(${webAccounts.createdAt}, ${webAccounts.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)` : undefined,
  ].filter(Boolean) as SQL[];
  const rows = await selectAccountsWithPatients(db, {
    id: webAccounts.id,
    createdAt: webAccounts.createdAt,
    cursorAt: sql<string>`${webAccounts.createdAt}::text`,
    status: webAccounts.status,
    verificationMethod: webAccounts.verificationMethod,
    login: webAccounts.login,
    email: webAccounts.email,
    firstName: patients.firstName,
    lastName: patients.lastName,
    pesel: patients.pesel,
    birthDate: patients.birthDate,
  })
    .where(and(...conditions))
    .orderBy(desc(webAccounts.createdAt), desc(webAccounts.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  return { rows: page, next: rows.length > PAGE_SIZE ? encodeCursor(page[page.length - 1]!) : null };
}

// Counting a million rows takes a moment; the desk's counters may be half a minute old.
const COUNTS_TTL_MS = 30_000;
const countsCache = new WeakMap<Db, { at: number; counts: Promise<Record<AccountStatus, number>> }>();

export function countByStatus(db: Db): Promise<Record<AccountStatus, number>> {
  const cached = countsCache.get(db);
  if (cached && Date.now() - cached.at < COUNTS_TTL_MS) return cached.counts;
  const counts = countByStatusNow(db);
  countsCache.set(db, { at: Date.now(), counts });
  counts.catch(() => countsCache.delete(db));
  return counts;
}

export async function countByStatusNow(db: Db): Promise<Record<AccountStatus, number>> {
  const rows = await db
    .select({ status: webAccounts.status, n: sql<number>`count(*)::int` })
    .from(webAccounts)
    .groupBy(webAccounts.status);
  const counts = Object.fromEntries(accountStatuses.map((s) => [s, 0])) as Record<AccountStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
