// The registration desk's work (SPEC §11): the queue of accounts to verify, the detail of one,
// and the verify / block / unblock decisions, each written with its audit entry in one
// transaction.
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  accountStatuses,
  accountTokens,
  auditLog,
  blockedRegistrations,
  consents,
  emailOutbox,
  patients,
  staffAccounts,
  usedCaptchas,
  webAccounts,
  type AccountStatus,
  type VerificationDocument,
} from '@/db/schema';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { renderIdentityVerifiedEmail } from '@/lib/account/emails';
import { sendActivationLink } from '@/lib/account/request-links';
import { env } from '@/lib/env';
import { mailQueued } from '@/lib/mail/mail-worker';
import { purgeExpiredThrottles } from '@/lib/security/account-throttle';
import { enqueueEmail } from '@/lib/mail/outbox';
import { nameKey } from '@/lib/text';

export const PAGE_SIZE = 25;

export type QueueFilter = 'waiting' | AccountStatus | 'all';
export const queueFilters: QueueFilter[] = ['waiting', ...accountStatuses, 'all'];

const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Each way of searching is its own index-backed SELECT of account ids, united, so that no OR
// across two tables forces a scan of every account.
function searchCondition(query: string): SQL | undefined {
  const q = query.trim().slice(0, 100);
  if (q === '') return undefined;
  if (/^\d{11}$/.test(q)) return eq(patients.pesel, q);
  if (q.includes('@')) return sql`lower(${webAccounts.email}) like ${like(q.toLowerCase())}`;
  const account = (where: SQL) => sql`select ${webAccounts.id} from ${webAccounts} where ${where}`;
  const person = (where: SQL) =>
    sql`select ${webAccounts.id} from ${webAccounts} join ${patients} on ${patients.id} = ${webAccounts.patientId} where ${where}`;
  const words = nameKey(q).split(' ').filter(Boolean).slice(0, 5);
  // "Anna Kowalska-Nowak" or "Kowalska-Nowak Anna": try each split into first and last name.
  const splits = words.slice(1).map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')] as const);
  const parts = [
    account(sql`lower(${webAccounts.login}) like ${like(q.toLowerCase())}`),
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
export function encodeCursor(row: { cursorAt: string; id: string }): string {
  return Buffer.from(`${row.cursorAt}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor.slice(0, 200), 'base64url').toString('utf8').split('|');
  // Only what PostgreSQL itself printed: a forged cursor is ignored, never sent to the database.
  const m = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(at ?? '');
  if (!m || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? '')) return null;
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
  const rows = await db
    .select({
      id: webAccounts.id,
      createdAt: webAccounts.createdAt,
      cursorAt: sql<string>`${webAccounts.createdAt}::text`,
      status: webAccounts.status,
      login: webAccounts.login,
      email: webAccounts.email,
      firstName: patients.firstName,
      lastName: patients.lastName,
      pesel: patients.pesel,
      birthDate: patients.birthDate,
    })
    .from(webAccounts)
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
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
  const rows = await db.select({ status: webAccounts.status, n: sql<number>`count(*)::int` }).from(webAccounts).groupBy(webAccounts.status);
  const counts = Object.fromEntries(accountStatuses.map((s) => [s, 0])) as Record<AccountStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

const verifiedByStaff = sql<string | null>`(select name from ${staffAccounts} where ${staffAccounts.id} = ${webAccounts.verifiedBy})`;
const blockedByStaff = sql<string | null>`(select name from ${staffAccounts} where ${staffAccounts.id} = ${webAccounts.blockedBy})`;

/** Everything the desk needs to decide about one account. */
export async function getAccountDetail(db: Db, accountId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) return null;
  const [account] = await db
    .select({ account: webAccounts, patient: patients, verifiedByName: verifiedByStaff, blockedByName: blockedByStaff })
    .from(webAccounts)
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
    .where(eq(webAccounts.id, accountId));
  if (!account) return null;
  const [given, tokens, emails, audit] = await Promise.all([
    db.select().from(consents).where(eq(consents.accountId, accountId)).orderBy(consents.givenAt),
    db
      .select({ purpose: accountTokens.purpose, createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt, supersededAt: accountTokens.supersededAt })
      .from(accountTokens)
      .where(eq(accountTokens.accountId, accountId))
      .orderBy(desc(accountTokens.createdAt))
      .limit(10),
    db
      .select({ id: emailOutbox.id, template: emailOutbox.template, subject: emailOutbox.subject, status: emailOutbox.status, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.accountId, accountId))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(20),
    db
      .select({ action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, staffName: staffAccounts.name })
      .from(auditLog)
      .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
      .where(eq(auditLog.accountId, accountId))
      .orderBy(desc(auditLog.createdAt))
      .limit(50),
  ]);
  return { ...account, consents: given, tokens, emails, audit };
}

export type DecisionResult = { ok: true } | { ok: false; error: 'not_found' | 'state' | 'reason' | 'document' };

const DOCUMENTS: VerificationDocument[] = ['dowod_osobisty', 'paszport', 'inny'];

/** Identity checked at the desk: only an account that is neither verified nor blocked. */
export async function verifyAccount(db: Db, staff: StaffPrincipal, accountId: string, document: string): Promise<DecisionResult> {
  if (!DOCUMENTS.includes(document as VerificationDocument)) return { ok: false, error: 'document' };
  const [person] = await db
    .select({ email: webAccounts.email, firstName: patients.firstName })
    .from(webAccounts)
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
    .where(eq(webAccounts.id, accountId));
  if (!person) return { ok: false, error: 'not_found' };
  const notice = env.MAIL_NOTIFY_VERIFIED ? await renderIdentityVerifiedEmail({ firstName: person.firstName }) : null;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({ status: 'verified', verifiedAt: new Date(), verifiedBy: staff.id, verificationDocument: document as VerificationDocument })
      .where(and(eq(webAccounts.id, accountId), inArray(webAccounts.status, ['pending_activation', 'active'])))
      .returning({ id: webAccounts.id });
    if (!row) return stateError(tx, accountId);
    await tx.insert(auditLog).values({ staffId: staff.id, action: 'account.verify', accountId, details: { document } });
    if (notice) await enqueueEmail(tx, { ...notice, recipient: person.email, accountId });
    return { ok: true } as const;
  });
  if (result.ok && notice) mailQueued();
  return result;
}

/** The desk sends a patient who lost the email a new activation link. */
export async function resendActivationByStaff(db: Db, staff: StaffPrincipal, accountId: string): Promise<DecisionResult> {
  const [account] = await db
    .select({ id: webAccounts.id, login: webAccounts.login, email: webAccounts.email, status: webAccounts.status, firstName: patients.firstName })
    .from(webAccounts)
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
    .where(eq(webAccounts.id, accountId));
  if (!account) return { ok: false, error: 'not_found' };
  if (account.status !== 'pending_activation') return { ok: false, error: 'state' };
  await sendActivationLink(db, account, (tx) =>
    tx.insert(auditLog).values({ staffId: staff.id, action: 'account.resend_activation', accountId }),
  );
  return { ok: true };
}

export async function blockAccount(db: Db, staff: StaffPrincipal, accountId: string, reason: string): Promise<DecisionResult> {
  const why = reason.trim();
  if (why.length < 3 || why.length > 500) return { ok: false, error: 'reason' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({ status: 'blocked', blockedAt: new Date(), blockedBy: staff.id, blockedReason: why, sessionVersion: sql`${webAccounts.sessionVersion} + 1` })
      .where(and(eq(webAccounts.id, accountId), sql`${webAccounts.status} <> 'blocked'`))
      .returning({ id: webAccounts.id });
    if (!row) return stateError(tx, accountId);
    await tx.insert(auditLog).values({ staffId: staff.id, action: 'account.block', accountId, details: { reason: why } });
    return { ok: true } as const;
  });
}

/** Admin only: back to the state the account had earned before the block. */
export async function unblockAccount(db: Db, staff: StaffPrincipal, accountId: string): Promise<DecisionResult> {
  if (staff.role !== 'admin') return { ok: false, error: 'state' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({
        status: sql`case when ${webAccounts.verifiedAt} is not null then 'verified' when ${webAccounts.passwordHash} is not null then 'active' else 'pending_activation' end`,
        blockedAt: null,
        blockedBy: null,
        blockedReason: null,
      })
      .where(and(eq(webAccounts.id, accountId), eq(webAccounts.status, 'blocked')))
      .returning({ id: webAccounts.id, status: webAccounts.status });
    if (!row) return stateError(tx, accountId);
    await tx.insert(auditLog).values({ staffId: staff.id, action: 'account.unblock', accountId, details: { status: row.status } });
    return { ok: true } as const;
  });
}

async function stateError(tx: Db, accountId: string): Promise<DecisionResult> {
  const [exists] = await tx.select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.id, accountId));
  return { ok: false, error: exists ? 'state' : 'not_found' };
}

export const BLOCKED_ATTEMPTS_KEPT_DAYS = 30;

export function listBlockedRegistrations(db: Db, limit = 100) {
  return db
    .select()
    .from(blockedRegistrations)
    .where(sql`${blockedRegistrations.createdAt} > now() - make_interval(days => ${BLOCKED_ATTEMPTS_KEPT_DAYS})`)
    .orderBy(desc(blockedRegistrations.createdAt))
    .limit(limit);
}

export interface AuditFilter {
  staffId?: string;
  action?: string;
}

/** The newest audit entries, optionally of one staff member and/or one kind of event. */
export function listAudit(db: Db, filter: AuditFilter = {}, limit = 200) {
  const conditions = [
    filter.staffId ? eq(auditLog.staffId, filter.staffId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
  ];
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
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** The kinds of event the log holds, for the filter. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** Data kept only for a while: blocked attempts (30 days), spent captcha challenges, forgotten sign-in failures. */
export async function purgeExpiredData(db: Db): Promise<{ blocked: number; captchas: number; signinThrottles: number }> {
  const blocked = await db
    .delete(blockedRegistrations)
    .where(sql`${blockedRegistrations.createdAt} < now() - make_interval(days => ${BLOCKED_ATTEMPTS_KEPT_DAYS})`)
    .returning({ id: blockedRegistrations.id });
  const captchas = await db.delete(usedCaptchas).where(lt(usedCaptchas.expiresAt, new Date())).returning({ nonce: usedCaptchas.nonce });
  const signinThrottles = await purgeExpiredThrottles(db);
  return { blocked: blocked.length, captchas: captchas.length, signinThrottles };
}
