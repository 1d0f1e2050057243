// One mail worker per process, woken in-process after a commit that queued mail and, on
// PostgreSQL, by NOTIFY from any instance (NOTIFY is delivered only when the transaction commits).
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { logError, logInfo } from '@/lib/log';
import { startMailWorker, type MailWorker } from './dispatcher';
import { createResendSender, type MailSender } from './senders';
import { SMS_OUTBOX_CHANNEL } from '@/lib/sms/outbox';
import type { SmsSender } from '@/lib/sms/smsapi-sender';

const OUTBOX_CHANNEL = 'email_outbox';

const slot = globalThis as unknown as { __erejestracjaMailWorker?: { worker: MailWorker; unlisten?: () => Promise<void> } };

export function configuredSender(): MailSender | null {
  return env.RESEND_API_KEY ? createResendSender({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL }) : null;
}

export async function startProcessMailWorker(
  database: Database,
  sender: MailSender | null,
  options: { pollMs?: number; claimMs?: number; sms?: SmsSender | null } = {},
): Promise<MailWorker> {
  if (slot.__erejestracjaMailWorker) return slot.__erejestracjaMailWorker.worker;
  const worker = startMailWorker(database.db, sender, {
    from: env.MAIL_FROM,
    pollMs: env.MAIL_POLL_MS,
    claimMs: env.MAIL_CLAIM_MS,
    ...options,
  });
  let unlisten: (() => Promise<void>) | undefined;
  if (database.kind === 'postgres' && database.url) {
    const { default: postgres } = await import('postgres');
    const listener = postgres(database.url, { max: 1, onnotice: () => {} });
    try {
      await listener.listen(OUTBOX_CHANNEL, () => worker.wake());
      await listener.listen(SMS_OUTBOX_CHANNEL, () => worker.wake());
      unlisten = () => listener.end();
    } catch (error) {
      logError('outbox listen failed; polling only', error);
      await listener.end();
    }
  }
  slot.__erejestracjaMailWorker = { worker, unlisten };
  logInfo('mail worker started', { sender: sender?.name ?? 'none', sms: options.sms ? 'smsapi' : 'none' });
  return worker;
}

export async function stopProcessMailWorker(): Promise<void> {
  const running = slot.__erejestracjaMailWorker;
  slot.__erejestracjaMailWorker = undefined;
  await running?.unlisten?.();
  await running?.worker.stop();
}

/** Call after a transaction that queued mail (or an SMS) has committed. */
export function mailQueued(): void {
  slot.__erejestracjaMailWorker?.worker.wake();
}
