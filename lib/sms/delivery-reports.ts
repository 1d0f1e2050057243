// SMSAPI's delivery reports. Every send names `${APP_URL}/api/sms/status/${SMS_STATUS_SECRET}` as
// its notify_url, and SMSAPI calls it (GET, or a form POST) with MsgId, status, idx, donedate …,
// several reports at once as comma-separated lists in the same order. The secret in the path is
// the only proof the call comes from SMSAPI, so a wrong one is answered like a path that does not
// exist. A report moves a row that was handed over ('sent', or 'sending' when it outran the
// dispatcher's own record) to 'delivered' or 'undelivered', and nothing else ever moves.
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { smsOutbox } from '@/db/schema';
import { logError, logInfo, logWarn } from '@/lib/log';
import { countSmsDeliveryReports } from '@/lib/metrics';

/** SMSAPI's delivery statuses by code. */
export const SMSAPI_STATUSES: Readonly<Record<number, string>> = {
  401: 'NOT_FOUND',
  402: 'EXPIRED',
  403: 'SENT',
  404: 'DELIVERED',
  405: 'UNDELIVERED',
  406: 'FAILED',
  407: 'REJECTED',
  408: 'UNKNOWN',
  409: 'QUEUE',
  410: 'ACCEPTED',
  411: 'RENEWAL',
  412: 'STOP',
};

// The final ones. The rest (sent to the network, queued, unknown …) may still change, and the row
// already says 'sent'.
const FINAL: Readonly<Record<number, 'delivered' | 'undelivered'>> = {
  404: 'delivered',
  402: 'undelivered',
  405: 'undelivered',
  406: 'undelivered',
  407: 'undelivered',
  412: 'undelivered',
};

export interface DeliveryReport {
  /** SMSAPI's id of the message. */
  msgId: string;
  /** Our outbox row's idx, which SMSAPI echoes back. */
  idx: string;
  /** A code of SMSAPI_STATUSES. */
  code: number;
}

export interface ParsedReports {
  reports: DeliveryReport[];
  /** Entries that could not be read (counted as ignored). */
  skipped: number;
}

/** More in one call are dropped: a real batch is far smaller, and each report costs a query. */
export const MAX_REPORTS_PER_CALL = 100;

const MSG_ID = /^[A-Za-z0-9._-]{1,64}$/;
// Ours are 32 hex digits (db/schema.ts); anything hex is looked up, and matches nothing if foreign.
const IDX = /^[0-9a-f]{1,64}$/i;
const CODE = /^\d{3}$/;

const listOf = (value: string | null): string[] | null => (value === null ? null : value.split(',').map((v) => v.trim()));

/**
 * The reports of one callback. MsgId, status and idx are lists of the same length, matched by
 * position; when the lengths differ nothing can be matched safely and every entry is skipped.
 * An entry with a malformed value is skipped alone. donedate, points, from, to, mcc and mnc are
 * not read: the outbox keeps only the outcome (and `to` is a phone number).
 */
export function parseDeliveryReports(params: URLSearchParams): ParsedReports {
  const ids = listOf(params.get('MsgId'));
  const codes = listOf(params.get('status'));
  const idxs = listOf(params.get('idx'));
  if (!ids || !codes || !idxs) return { reports: [], skipped: Math.max(ids?.length ?? 0, codes?.length ?? 0, idxs?.length ?? 0, 1) };
  if (ids.length !== codes.length || ids.length !== idxs.length) {
    return { reports: [], skipped: Math.max(ids.length, codes.length, idxs.length) };
  }
  const reports: DeliveryReport[] = [];
  let skipped = Math.max(0, ids.length - MAX_REPORTS_PER_CALL);
  for (let i = 0; i < Math.min(ids.length, MAX_REPORTS_PER_CALL); i++) {
    const [msgId, code, idx] = [ids[i]!, codes[i]!, idxs[i]!];
    if (MSG_ID.test(msgId) && IDX.test(idx) && CODE.test(code) && SMSAPI_STATUSES[Number(code)]) {
      reports.push({ msgId, idx, code: Number(code) });
    } else {
      skipped += 1;
    }
  }
  return { reports, skipped };
}

export type ReportResult = 'delivered' | 'undelivered' | 'ignored';

async function recordOne(db: Db, report: DeliveryReport): Promise<ReportResult> {
  const outcome = FINAL[report.code];
  if (!outcome) return 'ignored';
  const updated = await db
    .update(smsOutbox)
    .set({
      status: outcome,
      providerId: sql`coalesce(${smsOutbox.providerId}, ${report.msgId})`,
      lastError: outcome === 'undelivered' ? `SMSAPI ${report.code} ${SMSAPI_STATUSES[report.code]}` : null,
      // A report that outran the dispatcher: the message was handed over all the same.
      sentAt: sql`coalesce(${smsOutbox.sentAt}, now())`,
    })
    .where(
      and(
        eq(smsOutbox.idx, report.idx),
        // Never back from a final status, and never a row the provider cannot have (never tried,
        // failed, cancelled); a duplicate report finds nothing to change. A pending row that was
        // tried (its answer timed out, a retry waits) was taken all the same: the report, which
        // names our idx, proves it, and the retry is no longer needed.
        or(inArray(smsOutbox.status, ['sent', 'sending']), and(eq(smsOutbox.status, 'pending'), sql`${smsOutbox.attempts} > 0`)),
        // The id the provider gave at sending, when it gave one, must be this report's.
        or(isNull(smsOutbox.providerId), eq(smsOutbox.providerId, report.msgId)),
      ),
    )
    .returning({ id: smsOutbox.id });
  return updated.length > 0 ? outcome : 'ignored';
}

/** Applies the reports in order, one statement each; returns how many of each result. */
export async function recordDeliveryReports(db: Db, reports: DeliveryReport[]): Promise<Record<ReportResult, number>> {
  const counts: Record<ReportResult, number> = { delivered: 0, undelivered: 0, ignored: 0 };
  for (const report of reports) counts[await recordOne(db, report)] += 1;
  for (const result of ['delivered', 'undelivered', 'ignored'] as const) countSmsDeliveryReports(result, counts[result]);
  return counts;
}

/** The notify_url of every send, or undefined when delivery reports are off. */
export function deliveryReportUrl(appUrl: string, secret: string | undefined): string | undefined {
  return secret ? `${appUrl.replace(/\/+$/, '')}/api/sms/status/${secret}` : undefined;
}

// Compared as hashes: equal lengths for timingSafeEqual, whatever length was given.
const digest = (value: string) => createHash('sha256').update(value).digest();

export function secretMatches(given: string, secret: string): boolean {
  return timingSafeEqual(digest(given), digest(secret));
}

// A callback is a few hundred bytes per report; proxy.ts already refuses a body over its limit.
const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, or null when it is longer than `max` bytes (read no further). */
async function readBounded(request: Request, max: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The query, and for a form POST its fields on top (the body wins). */
async function callbackParameters(request: Request): Promise<URLSearchParams> {
  const params = new URL(request.url).searchParams;
  const type = request.headers.get('content-type')?.toLowerCase() ?? '';
  if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) return params;
  const body = await readBounded(request, MAX_BODY_BYTES).catch(() => null);
  if (body === null) logWarn('sms delivery report: body unreadable or too long');
  for (const [name, value] of new URLSearchParams(body ?? '')) params.set(name, value);
  return params;
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export interface DeliveryReportEndpoint {
  /** SMS_STATUS_SECRET; unset: delivery reports are off and the path does not exist. */
  secret: string | undefined;
  db: () => Promise<Db>;
}

/**
 * The answer to SMSAPI's call of the notify_url with `givenSecret` as its last path segment:
 * 404 for a wrong secret (nothing read, nothing written), else `OK` — for malformed or unknown
 * reports too, which a retry would not improve. Only when the database fails is the answer 503, so
 * that SMSAPI calls again.
 */
export async function answerDeliveryReports(request: Request, givenSecret: string, endpoint: DeliveryReportEndpoint): Promise<Response> {
  if (!endpoint.secret) return text('Not Found', 404);
  if (!secretMatches(givenSecret, endpoint.secret)) {
    logWarn('sms delivery report: wrong secret', { method: request.method });
    return text('Not Found', 404);
  }
  const { reports, skipped } = parseDeliveryReports(await callbackParameters(request));
  countSmsDeliveryReports('ignored', skipped);
  if (skipped > 0) logWarn('sms delivery report: entries skipped', { skipped });
  if (reports.length > 0) {
    try {
      const counts = await recordDeliveryReports(await endpoint.db(), reports);
      logInfo('sms delivery reports', counts);
    } catch (error) {
      logError('sms delivery reports failed', error);
      return text('Service Unavailable', 503);
    }
  }
  return text('OK', 200);
}
