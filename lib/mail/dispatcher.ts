// Delivers email_outbox rows. Any number of dispatchers (app instances, `npm run mail:worker`)
// may run at once: rows are claimed with FOR UPDATE SKIP LOCKED, a claim expires if its holder
// dies, and every outcome is recorded only by the holder of the current claim.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { logError, logInfo } from '@/lib/log';
import { countDeliveryAttempt, markDispatcherRun } from '@/lib/metrics';
import type { MailSender } from './senders';
import { dispatchDueSms } from '@/lib/sms/dispatcher';
import { backoffMs } from './backoff';
import type { SmsSender } from '@/lib/sms/smsapi-sender';

export interface DispatchOptions {
  from: string;
  /** How long a claim lasts before another dispatcher may take the row over. */
  claimMs?: number;
  batchSize?: number;
  /** Retrying stops this long after the message was queued. */
  giveUpAfterMs?: number;
  now?: () => Date;
  /** Delay before the next attempt (tests shorten it). */
  backoff?: (attempt: number) => number;
}

const DEFAULTS = { claimMs: 120_000, batchSize: 20, giveUpAfterMs: 24 * 3600_000 };

export { backoffMs };

type Claimed = Pick<typeof emailOutbox.$inferSelect, 'id' | 'recipient' | 'subject' | 'html' | 'text' | 'attempts' | 'createdAt'>;

async function claimDue(db: Db, batchSize: number, claimMs: number): Promise<Claimed[]> {
  // A row is due when it waits for its next attempt, or when its claim ran out (holder died).
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(sql`${emailOutbox.status} in ('pending', 'sending')`, sql`${emailOutbox.nextAttemptAt} <= now()`))
      .orderBy(emailOutbox.nextAttemptAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({
        status: 'sending',
        attempts: sql`${emailOutbox.attempts} + 1`,
        nextAttemptAt: sql`now() + make_interval(secs => ${claimMs / 1000})`,
      })
      .where(
        sql`${emailOutbox.id} in (${sql.join(
          due.map((d) => sql`${d.id}`),
          sql`, `,
        )})`,
      )
      .returning({
        id: emailOutbox.id,
        recipient: emailOutbox.recipient,
        subject: emailOutbox.subject,
        html: emailOutbox.html,
        text: emailOutbox.text,
        attempts: emailOutbox.attempts,
        createdAt: emailOutbox.createdAt,
      });
  });
}

/** Claims due rows once and sends them; returns how many were claimed. */
export async function dispatchOnce(db: Db, sender: MailSender, options: DispatchOptions): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const now = o.now ?? (() => new Date());
  const claimed = await claimDue(db, o.batchSize, o.claimMs);
  await Promise.all(
    claimed.map(async (row) => {
      // Only the holder of this claim (same attempt number) may record its outcome.
      const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.attempts, row.attempts), eq(emailOutbox.status, 'sending'));
      let result;
      try {
        result = await sender.send({ id: row.id, from: o.from, to: row.recipient, subject: row.subject, html: row.html, text: row.text });
      } catch (error) {
        result = { ok: false as const, permanent: false, error: `send threw: ${(error as Error).name}` };
      }
      countDeliveryAttempt(result);
      if (result.ok) {
        await db
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: now(), providerMessageId: result.providerId, lastError: null })
          .where(mine);
        return;
      }
      const expired = now().getTime() - row.createdAt.getTime() > o.giveUpAfterMs;
      if (result.permanent || expired) {
        await db.update(emailOutbox).set({ status: 'failed', lastError: result.error }).where(mine);
        logInfo('email failed', { id: row.id, attempts: row.attempts });
        return;
      }
      const wait = Math.max(result.retryAfterMs ?? 0, (o.backoff ?? backoffMs)(row.attempts));
      await db
        .update(emailOutbox)
        .set({ status: 'pending', lastError: result.error, nextAttemptAt: new Date(now().getTime() + wait) })
        .where(mine);
    }),
  );
  return claimed.length;
}

export interface MailWorker {
  wake(): void;
  stop(): Promise<void>;
}

/** Runs dispatchOnce in a loop: right away when woken, otherwise every `pollMs`. */
/**
 * The one outbox worker of a process: a sender per channel (email, SMS), each dispatched in the
 * same loop when configured; a channel without a sender keeps its messages in its outbox.
 */
export function startMailWorker(
  db: Db,
  sender: MailSender | null,
  options: DispatchOptions & { pollMs?: number; sms?: SmsSender | null },
): MailWorker {
  const pollMs = options.pollMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        if (sender) claimed += await dispatchOnce(db, sender, options);
        if (options.sms) claimed += await dispatchDueSms(db, options.sms);
        markDispatcherRun();
      } catch (error) {
        logError('mail dispatch failed', error);
      }
      if (claimed > 0 || stopped) continue; // more may be waiting
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
        timer.unref?.();
      });
    }
  })();
  return {
    wake() {
      clearTimeout(timer);
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakeUp?.();
      await loop;
    },
  };
}
