// Hands one outbox SMS to SMSAPI through its official client. Every send carries the row's `idx`
// with `check_idx`, so the provider itself refuses a second message for the same row: a retry
// after a lost answer (timeout, crash between send and record) can never reach the phone twice.
import { SMSAPI, type MessageResponse } from 'smsapi';
import { env } from '@/lib/env';
import type { SendResult } from '@/lib/mail/senders';
import { deliveryReportUrl } from './delivery-reports';

export interface OutgoingSms {
  /** The outbox row id (for logs). */
  id: string;
  /** The provider's idempotency key. */
  idx: string;
  /** E.164. */
  to: string;
  body: string;
}

/** The same outcomes as email: sent (with the provider's id), or failed for good or for now. */
export type SmsSendResult = SendResult;

export interface SmsSender {
  name: string;
  send(sms: OutgoingSms): Promise<SmsSendResult>;
}

const SMSAPI_PL_URL = 'https://api.smsapi.pl';

/** SMSAPI: "Not unique idx parameter, message with the same idx has been already sent". */
const SMSAPI_DUPLICATE_IDX = 53;

// Codes that describe the provider's or the account's passing state, not this message: too many
// messages to one number within a minute (52), credit ran out and can be topped up (103), the
// provider's internal errors and overload (200, 201, 202, 203, 999). Every other code is about
// this message (invalid or blacklisted number 13/57/59, blocked country 112, text, sender name,
// token) and will not get better by sending it again.
const RETRYABLE_CODES = new Set([52, 103, 200, 201, 202, 203, 999]);

class SendTimeout extends Error {
  override name = 'SendTimeout';
}

// The client's fetch takes no AbortSignal, so a hung request is abandoned rather than aborted;
// if the provider did take the message, the retry's duplicate idx is refused and counts as sent.
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`no answer in ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function failure(permanent: boolean, error: string): SmsSendResult {
  return { ok: false, permanent, error: error.slice(0, 500) };
}

/** What an SMSAPI error code means for this message. */
function classifySmsapiCode(code: number, message = ''): SmsSendResult {
  if (code === SMSAPI_DUPLICATE_IDX) return { ok: true, providerId: null };
  return failure(!RETRYABLE_CODES.has(code), `SMSAPI ${code}: ${message}`);
}

function errorCodeOf(value: unknown): { code: number; message: string } | null {
  const candidate = value as { error?: unknown; message?: unknown } | null;
  const code = typeof candidate?.error === 'string' ? Number(candidate.error) : candidate?.error;
  if (typeof code !== 'number' || !Number.isInteger(code)) return null;
  return { code, message: typeof candidate?.message === 'string' ? candidate.message : '' };
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** Sorts whatever the client threw into retry-or-not (the client's error classes are not exported). */
function classifySmsapiError(error: unknown): SmsSendResult {
  const e = error as { name?: string; data?: unknown; status?: number; responseBody?: unknown };
  if (e?.name === 'SendTimeout') return failure(false, `timeout: ${(error as Error).message}`);
  // An error answer with HTTP 200: { error: 13, message: "..." }.
  if (e?.name === 'MessageError') {
    const parsed = errorCodeOf(e.data);
    return parsed ? classifySmsapiCode(parsed.code, parsed.message) : failure(false, 'SMSAPI error without a code');
  }
  if (e?.name === 'HttpError' && typeof e.status === 'number') {
    // 429 and 5xx are the provider's trouble: try again, whatever code the body carries.
    if (e.status === 408 || e.status === 429 || e.status >= 500) return failure(false, `HTTP ${e.status}`);
    const parsed = errorCodeOf(parseJson(e.responseBody));
    return parsed ? classifySmsapiCode(parsed.code, parsed.message) : failure(true, `HTTP ${e.status}`);
  }
  // fetch's TypeError (refused, reset, DNS) or an unreadable answer: the network's trouble.
  return failure(false, `network: ${e?.name ?? 'unknown'}`);
}

function accepted(answer: MessageResponse): SmsSendResult {
  const [item] = answer.list ?? [];
  // One recipient per request, so a per-number error in the list is this message's error.
  const itemError = errorCodeOf(item);
  if (itemError) return classifySmsapiCode(itemError.code, itemError.message);
  if (!item?.id) return failure(false, 'SMSAPI answered without a message id');
  return { ok: true, providerId: String(item.id) };
}

export interface SmsapiSenderOptions {
  token: string;
  /** Default https://api.smsapi.pl (the client's own default is the international smsapi.io). */
  baseUrl?: string;
  /** Registered sender name (≤ 11 characters); unset: the account's default. */
  from?: string;
  timeoutMs?: number;
  /** Where SMSAPI reports each message's delivery (lib/sms/delivery-reports.ts); unset: no reports. */
  notifyUrl?: string;
}

export function createSmsapiSender(options: SmsapiSenderOptions): SmsSender {
  const client = new SMSAPI(options.token, options.baseUrl ?? SMSAPI_PL_URL);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: 'smsapi',
    async send(sms) {
      try {
        const answer = await withTimeout(
          client.sms.sendSms(sms.to, sms.body, {
            idx: sms.idx,
            checkIdx: true,
            // Templates fit two segments; the provider refuses a longer text (code 12) rather than bill more.
            maxParts: 2,
            ...(options.from ? { from: options.from } : {}),
            ...(options.notifyUrl ? { notifyUrl: options.notifyUrl } : {}),
          }),
          timeoutMs,
        );
        return accepted(answer);
      } catch (error) {
        return classifySmsapiError(error);
      }
    },
  };
}

/** SMSAPI when SMSAPI_TOKEN is set; null otherwise (SMS stay in sms_outbox for the dev mailbox). */
export function configuredSmsSender(): SmsSender | null {
  if (!env.SMSAPI_TOKEN) return null;
  return createSmsapiSender({
    token: env.SMSAPI_TOKEN,
    baseUrl: env.SMSAPI_URL,
    from: env.SMS_FROM,
    notifyUrl: deliveryReportUrl(env.APP_URL, env.SMS_STATUS_SECRET),
  });
}
