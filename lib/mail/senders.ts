// Where outbox messages go. Resend when RESEND_API_KEY is set; nothing otherwise (the messages
// stay in email_outbox for /dev/mail).
import { Resend } from 'resend';

export interface OutgoingEmail {
  /** The outbox row id: the provider's idempotency key, so a retry never sends twice. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type SendResult = { ok: true; providerId: string | null } | { ok: false; permanent: boolean; error: string; retryAfterMs?: number };

export interface MailSender {
  name: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}

function retryAfter(headers: Record<string, string> | null): number | undefined {
  const value = headers?.['retry-after'];
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function createResendSender(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }): MailSender {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: 'resend',
    async send(email) {
      // A controller and a timer cleared with the answer, rather than AbortSignal.timeout: that
      // signal is transferable (costly to make) and its timer lives on for the whole timeout.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const { data, error, headers } = await client.emails
        .send(
          { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
          { idempotencyKey: `outbox-${email.id}`, signal: controller.signal },
        )
        .finally(() => clearTimeout(timer));
      if (!error) return { ok: true, providerId: data?.id ?? null };
      const status = (error as { statusCode?: number | null }).statusCode ?? null;
      const message = `${status ?? 'network'} ${error.name}: ${error.message}`.slice(0, 500);
      // 429 and 5xx are the provider's trouble, a missing status is the network's: try again.
      // Other 4xx (validation, invalid recipient, bad key) will not get better by retrying.
      const permanent = status !== null && status >= 400 && status < 500 && status !== 429 && status !== 408 && status !== 409;
      return { ok: false, permanent, error: message, retryAfterMs: retryAfter(headers) };
    },
  };
}
