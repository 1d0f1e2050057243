// Prometheus metrics of this process (prom-client), served by /api/metrics. One registry per
// process, kept on globalThis: Next bundles instrumentation, routes and actions separately, and
// they must all count into the same place. The count* functions are the one-line hooks the rest
// of the code calls. Labels are fixed words (an outcome, a limit's name, a route template), never
// a login, an address or a PESEL: anything unexpected is counted as "other".
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox, outboxStatuses, smsOutbox, smsOutboxStatuses, webAccounts } from '@/db/schema';
import { logError } from './log';

const REGISTRATION_OUTCOMES = ['registered', 'conflict', 'invalid', 'error'] as const;
// success: a session was issued (after the password, or after the second factor);
// second_factor: the password was right and a code (or enrolment) is asked for next.
const SIGN_IN_OUTCOMES = ['success', 'second_factor', 'invalid', 'blocked', 'limited', 'code_invalid', 'code_limited'] as const;
const DELIVERY_RESULTS = ['sent', 'retryable_error', 'permanent_error'] as const;
const SMS_REPORT_RESULTS = ['delivered', 'undelivered', 'ignored'] as const;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | 'other' =>
  allowed.includes(value as T) ? (value as T) : 'other';

// A limit's name is a code identifier (lib/security/rate-limit.ts); nothing else gets through.
const limitName = (value: unknown) => (typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(value) ? value : 'other');

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  // Counters count events of this process, by fixed labels.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter({ name, help, labelNames, registers });
  const registrations = counter(
    'erejestracja_registrations_total',
    'Registration form submissions by outcome (registered, conflict, invalid, error).',
    ['outcome'],
  );
  const signIns = counter('erejestracja_sign_ins_total', 'Sign-in attempts (patients and staff) by outcome.', ['outcome']);
  const rateLimitRefusals = counter(
    'erejestracja_rate_limit_refusals_total',
    'Requests refused by a rate limit, by the limit that refused them.',
    ['limit'],
  );
  const deliveryAttempts = counter(
    'erejestracja_email_delivery_attempts_total',
    'Attempts to hand an outbox message to the email provider, by result.',
    ['result'],
  );
  const identityNode = counter(
    'erejestracja_login_gov_pl_total',
    'Answers of login.gov.pl by use (signin, register, verify) and result (success, no_account, mismatch, cancelled, refused).',
    ['use', 'result'],
  );
  const smsQueued = counter('erejestracja_sms_queued_total', 'SMS queued in sms_outbox, by template.', ['template']);
  const smsDeliveryReports = counter(
    'erejestracja_sms_delivery_reports_total',
    "SMSAPI's delivery reports by result: delivered, undelivered (a row moved), ignored (not final, unknown, already recorded or unreadable).",
    ['result'],
  );
  const dispatcherLastRun = new Gauge({
    name: 'erejestracja_mail_dispatcher_last_run_timestamp_seconds',
    help: "When this process's mail dispatcher last looked for due messages (Unix time; 0: not running here).",
    registers,
  });
  const httpDuration = new Histogram({
    name: 'erejestracja_http_request_duration_seconds',
    help: "Time from a request's arrival to the end of its response, by method, route template and status.",
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  for (const outcome of REGISTRATION_OUTCOMES) registrations.inc({ outcome }, 0);
  for (const outcome of SIGN_IN_OUTCOMES) signIns.inc({ outcome }, 0);
  for (const result of DELIVERY_RESULTS) deliveryAttempts.inc({ result }, 0);
  for (const result of SMS_REPORT_RESULTS) smsDeliveryReports.inc({ result }, 0);

  // Read from the database at scrape time: every instance reports the same shared numbers. A
  // gauge is one number of the snapshot, or one number per status; no snapshot, no new value.
  const snapshot = memoize(readDatabaseGauges, 1000);
  const databaseGauge = (name: string, help: string, read: (s: DatabaseGauges) => number) =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const s = await snapshot();
        if (s) this.set(read(s));
      },
    });
  const databaseGaugeByStatus = <S extends string>(
    name: string,
    help: string,
    statuses: readonly S[],
    read: (s: DatabaseGauges) => Partial<Record<S, number>>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['status'],
      registers,
      async collect() {
        const s = await snapshot();
        if (s) for (const status of statuses) this.set({ status }, read(s)[status] ?? 0);
      },
    });
  databaseGaugeByStatus('erejestracja_email_outbox_messages', 'Messages in email_outbox by status.', outboxStatuses, (s) => s.outbox);
  databaseGaugeByStatus(
    'erejestracja_sms_outbox_messages',
    'Messages in sms_outbox by status (pending, sending, sent, delivered, undelivered, failed, cancelled).',
    smsOutboxStatuses,
    (s) => s.sms,
  );
  databaseGauge(
    'erejestracja_email_outbox_oldest_pending_age_seconds',
    'Age of the oldest message not yet delivered (pending or being sent); 0 when there is none.',
    (s) => s.oldestPendingAge,
  );
  databaseGauge(
    'erejestracja_verification_queue_size',
    'Accounts waiting for the registration desk (pending activation or active, not verified or blocked).',
    (s) => s.queueSize,
  );
  databaseGauge(
    'erejestracja_verification_queue_oldest_age_seconds',
    'Age of the oldest account waiting for the registration desk; 0 when there is none.',
    (s) => s.queueOldestAge,
  );

  return {
    registry,
    registrations,
    signIns,
    rateLimitRefusals,
    deliveryAttempts,
    identityNode,
    smsQueued,
    smsDeliveryReports,
    dispatcherLastRun,
    httpDuration,
  };
}

interface DatabaseGauges {
  outbox: Partial<Record<(typeof outboxStatuses)[number], number>>;
  sms: Partial<Record<(typeof smsOutboxStatuses)[number], number>>;
  oldestPendingAge: number;
  queueSize: number;
  queueOldestAge: number;
}

async function readDatabaseGauges(): Promise<DatabaseGauges | null> {
  try {
    const db = await getDb();
    const age = (column: typeof emailOutbox.createdAt | typeof webAccounts.createdAt) =>
      sql<number>`coalesce(extract(epoch from now() - min(${column})), 0)::float8`;
    const [byStatus, [pending], [queue], smsByStatus] = await Promise.all([
      db
        .select({ status: emailOutbox.status, n: sql<number>`count(*)::int` })
        .from(emailOutbox)
        .groupBy(emailOutbox.status),
      db
        .select({ age: age(emailOutbox.createdAt) })
        .from(emailOutbox)
        .where(sql`${emailOutbox.status} in ('pending', 'sending')`),
      db
        .select({ n: sql<number>`count(*)::int`, age: age(webAccounts.createdAt) })
        .from(webAccounts)
        .where(sql.raw(`"web_accounts"."status" in ('pending_activation', 'active')`)),
      db
        .select({ status: smsOutbox.status, n: sql<number>`count(*)::int` })
        .from(smsOutbox)
        .groupBy(smsOutbox.status),
    ]);
    return {
      outbox: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
      sms: Object.fromEntries(smsByStatus.map((r) => [r.status, Number(r.n)])),
      oldestPendingAge: Number(pending?.age ?? 0),
      queueSize: Number(queue?.n ?? 0),
      queueOldestAge: Number(queue?.age ?? 0),
    };
  } catch (error) {
    logError('metrics: database gauges failed', error);
    return null;
  }
}

function memoize<T>(load: () => Promise<T>, ms: number): () => Promise<T> {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > ms) cached = { at: Date.now(), value: load() };
    return cached.value;
  };
}

type Metrics = ReturnType<typeof createMetrics>;
const slot = globalThis as unknown as { __erejestracjaMetrics?: Metrics };

export function metrics(): Metrics {
  slot.__erejestracjaMetrics ??= createMetrics();
  return slot.__erejestracjaMetrics;
}

// ---- hooks -------------------------------------------------------------------------------------

const WK_USES = ['signin', 'register', 'verify', 'logout'] as const;
const WK_RESULTS = ['success', 'no_account', 'mismatch', 'cancelled', 'refused'] as const;

/** One answer of login.gov.pl (lib/wk/identity-node.ts) by what it was for and how it ended. */
export function countIdentityNode(use: string, result: string): void {
  metrics().identityNode.inc({ use: oneOf(WK_USES, use), result: oneOf(WK_RESULTS, result) });
}

const SMS_TEMPLATES = ['verified', 'emailChanged', 'passwordChanged', 'signInLocked'] as const;

/** An SMS queued (lib/sms/notices.ts). Sent, failed and delivered are read from sms_outbox at scrape time. */
export function countSmsQueued(template: string): void {
  metrics().smsQueued.inc({ template: oneOf(SMS_TEMPLATES, template) });
}

/** `count` delivery reports of SMSAPI (lib/sms/delivery-reports.ts) that ended as `result`. */
export function countSmsDeliveryReports(result: string, count = 1): void {
  if (count > 0) metrics().smsDeliveryReports.inc({ result: oneOf(SMS_REPORT_RESULTS, result) }, count);
}

/** A registration form's answer: its state's status. */
export function countRegistration(status: string): void {
  metrics().registrations.inc({ outcome: oneOf(REGISTRATION_OUTCOMES, status) });
}

/** One step of signing in (lib/auth/sign-in-flow.ts): the password, or the second factor's code. */
export function countSignIn(result: { status: string; reason?: string }, step: 'password' | 'code' = 'password'): void {
  const outcome =
    result.status === 'complete'
      ? 'success'
      : result.status === 'second-factor'
        ? 'second_factor'
        : step === 'code'
          ? `code_${result.reason}`
          : result.reason;
  metrics().signIns.inc({ outcome: oneOf(SIGN_IN_OUTCOMES, outcome) });
}

export function countRateLimitRefusal(limit: string): void {
  metrics().rateLimitRefusals.inc({ limit: limitName(limit) });
}

/** What the provider answered to one send of an outbox message. */
export function countDeliveryAttempt(result: { ok: boolean; permanent?: boolean }): void {
  metrics().deliveryAttempts.inc({ result: result.ok ? 'sent' : result.permanent ? 'permanent_error' : 'retryable_error' });
}

/** The mail dispatcher finished a round of looking for due messages. */
export function markDispatcherRun(): void {
  const now = Date.now();
  dispatcherState.lastRunAt = now;
  metrics().dispatcherLastRun.set(now / 1000);
}

export function observeHttpRequest(method: string, route: string, status: string, seconds: number): void {
  metrics().httpDuration.observe({ method, route, status }, seconds);
}

// Read by /api/ready: whether this process's dispatcher is alive.
const dispatcherSlot = globalThis as unknown as { __erejestracjaDispatcher?: { lastRunAt: number | null } };
const dispatcherState = (dispatcherSlot.__erejestracjaDispatcher ??= { lastRunAt: null });

export function dispatcherLastRunAt(): number | null {
  return dispatcherState.lastRunAt;
}

/** The text exposition of every metric, for the scraper. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
