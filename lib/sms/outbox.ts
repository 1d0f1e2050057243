// SMS are queued in sms_outbox inside the transaction of the change that causes them (SPEC §18),
// exactly as email is; a dispatcher hands them to the provider later (lib/sms/dispatcher.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { smsOutbox } from '@/db/schema';

/** Listening dispatchers are told of new SMS on this channel once the transaction commits. */
export const SMS_OUTBOX_CHANNEL = 'sms_outbox';

export interface QueuedSms {
  /** E.164 (the table refuses anything else). */
  recipient: string;
  body: string;
  template: string;
  accountId?: string | null;
  /** Quiet hours: hold the message until then. */
  notBefore?: Date | null;
}

export async function enqueueSms(tx: Db, message: QueuedSms): Promise<string> {
  const [row] = await tx
    .insert(smsOutbox)
    .values({
      recipient: message.recipient,
      body: message.body,
      template: message.template,
      accountId: message.accountId ?? null,
      notBefore: message.notBefore ?? null,
    })
    // The same statement tells listening dispatchers, when (and only if) the transaction commits.
    .returning({ id: smsOutbox.id, notified: sql<string>`pg_notify(${SMS_OUTBOX_CHANNEL}, '')` });
  return row!.id;
}

/**
 * The SMS consent was withdrawn: what is still waiting will not be sent. Only `pending` rows are
 * cancelled; a `sending` row may already be at the provider, and its holder records the outcome.
 * Returns how many were cancelled.
 */
export async function cancelQueuedSms(tx: Db, accountId: string): Promise<number> {
  const cancelled = await tx
    .update(smsOutbox)
    .set({ status: 'cancelled' })
    .where(and(eq(smsOutbox.accountId, accountId), eq(smsOutbox.status, 'pending')))
    .returning({ id: smsOutbox.id });
  return cancelled.length;
}
