// Delivers email_outbox rows. Any number of dispatchers (app instances, `npm run mail:worker`)
// may run at once: rows are claimed with FOR UPDATE SKIP LOCKED, a claim expires if its holder
// dies, and every outcome is recorded only by the holder of the current claim.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { logError, logInfo } from '@/lib/log';
import { countDeliveryAttempt, markDispatcherRun } from '@/lib/metrics';
import { dispatchDueSms } from '@/lib/sms/dispatcher';
import type { SmsSender } from '@/lib/sms/smsapi-sender';
import { backoffMs } from './backoff';
import { outcomeOf, outcomeTable, sendAndRecord, type RowOutcome } from './claimed-delivery';
import type { MailSender, SendResult } from './senders';

export interface DispatchOptions {
  from: string;
  /** How long a claim lasts before another dispatcher may take the row over. */
  claimMs?: number;
  /** How many due rows one claim takes; they are sent together, so also how many sends are under way. */
  batchSize?: number;
  /** Retrying stops this long after the message was queued. */
  giveUpAfterMs?: number;
  now?: () => Date;
  /** Delay before the next attempt (tests shorten it). */
  backoff?: (attempt: number) => number;
}

// Fifty sends under way keep a worker busy against a provider that answers in milliseconds (in
// bench:dispatch, claims of twenty cost about a quarter more CPU per message: more claims, more
// outcome writes), and a claim (2 min) outlives the slowest of them by far (a 15 s timeout).
const DEFAULTS = { claimMs: 120_000, batchSize: 50, giveUpAfterMs: 24 * 3600_000 };

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

type Settled = { row: Claimed; outcome: RowOutcome; at: Date };

/** Claims due rows once and sends them; returns how many were claimed. */
export async function dispatchOnce(db: Db, sender: MailSender, options: DispatchOptions): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const now = o.now ?? (() => new Date());
  const claimed = await claimDue(db, o.batchSize, o.claimMs);
  await sendAndRecord(
    claimed,
    async (row): Promise<Settled> => {
      let result: SendResult;
      try {
        result = await sender.send({ id: row.id, from: o.from, to: row.recipient, subject: row.subject, html: row.html, text: row.text });
      } catch (error) {
        result = { ok: false, permanent: false, error: `send threw: ${(error as Error).name}` };
      }
      countDeliveryAttempt(result);
      const at = now();
      const outcome = outcomeOf(result, { attempts: row.attempts, dueSince: row.createdAt.getTime() }, at, {
        giveUpAfterMs: o.giveUpAfterMs,
        backoff: o.backoff ?? backoffMs,
      });
      return { row, outcome, at };
    },
    (settled) => recordOutcomes(db, settled),
  );
  return claimed.length;
}

/** Writes the outcomes in one statement; each row only while this claim holds it (same attempt, still 'sending'). */
async function recordOutcomes(db: Db, settled: Settled[]): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: sql`v.status`,
      lastError: sql`v.error`,
      sentAt: sql`coalesce(v.sent_at, ${emailOutbox.sentAt})`,
      providerMessageId: sql`coalesce(v.provider_id, ${emailOutbox.providerMessageId})`,
      nextAttemptAt: sql`coalesce(v.next_attempt_at, ${emailOutbox.nextAttemptAt})`,
    })
    .from(outcomeTable(settled.map(({ row, outcome, at }) => ({ id: row.id, attempts: row.attempts, outcome, at }))))
    .where(and(eq(emailOutbox.id, sql`v.id`), eq(emailOutbox.attempts, sql`v.attempts`), eq(emailOutbox.status, 'sending')));
  for (const { row, outcome } of settled) {
    if (outcome.status === 'failed') logInfo('email failed', { id: row.id, attempts: row.attempts });
  }
}

export interface MailWorker {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * The one outbox worker of a process: a sender per channel (email, SMS), each channel dispatched
 * in a loop of its own when configured — right away when woken, again at once while it finds
 * work, otherwise every `pollMs` — so that one provider's trouble (a hung connection waits out
 * its timeout) never holds up the other channel. A channel without a sender keeps its messages
 * in its outbox.
 */
export function startMailWorker(
  db: Db,
  sender: MailSender | null,
  options: DispatchOptions & { pollMs?: number; sms?: SmsSender | null },
): MailWorker {
  const pollMs = options.pollMs ?? 5000;
  const sms = options.sms;
  const channels: Array<() => Promise<number>> = [];
  if (sender) channels.push(() => dispatchOnce(db, sender, options));
  if (sms) channels.push(() => dispatchDueSms(db, sms));
  let stopped = false;
  const wakers = new Set<() => void>();
  const loop = async (dispatch: () => Promise<number>) => {
    let woken = false;
    const wake = () => {
      woken = true;
      rest?.();
    };
    let rest: (() => void) | undefined;
    wakers.add(wake);
    while (!stopped) {
      woken = false;
      let claimed = 0;
      try {
        claimed = await dispatch();
        markDispatcherRun();
      } catch (error) {
        logError('mail dispatch failed', error);
      }
      // More may be waiting; and a wake-up that came during the round may be for a message it missed.
      if (claimed > 0 || woken || stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => rest?.(), pollMs);
        timer.unref?.();
        rest = () => {
          rest = undefined;
          clearTimeout(timer);
          resolve();
        };
      });
    }
    wakers.delete(wake);
  };
  const loops = Promise.all(channels.map(loop));
  const wakeAll = () => {
    for (const wake of wakers) wake();
  };
  return {
    wake: wakeAll,
    async stop() {
      stopped = true;
      wakeAll();
      await loops;
    },
  };
}
