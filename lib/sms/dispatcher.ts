// Delivers sms_outbox rows with the email dispatcher's rules: any number of dispatchers may run
// at once, rows are claimed with FOR UPDATE SKIP LOCKED, a claim (status 'sending',
// next_attempt_at = its expiry) lapses if its holder dies, and only the holder of the current
// claim records an outcome. The provider's idx check covers the one gap a database cannot: a
// holder that died after the provider took the message and before the outcome was recorded.
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { smsOutbox } from '@/db/schema';
import { logInfo } from '@/lib/log';
import { backoffMs } from '@/lib/mail/backoff';
import { outcomeOf, outcomeTable, sendAndRecord, type RowOutcome } from '@/lib/mail/claimed-delivery';
import type { SmsSender, SmsSendResult } from './smsapi-sender';

export interface SmsDispatchOptions {
  /** How long a claim lasts before another dispatcher may take the row over. */
  claimMs?: number;
  /** How many due rows one claim takes; they are sent together, so also how many sends are under way. */
  batchSize?: number;
  /** Retrying stops this long after the message became due (created, or released by quiet hours). */
  giveUpAfterMs?: number;
  /** Delay before the next attempt (tests shorten it); the email schedule by default. */
  backoff?: (attempt: number) => number;
}

// The email dispatcher's limits. The give-up also bounds how far apart two sends of one idx can be.
const DEFAULTS = { claimMs: 120_000, batchSize: 50, giveUpAfterMs: 24 * 3600_000 };

type Claimed = Pick<typeof smsOutbox.$inferSelect, 'id' | 'recipient' | 'body' | 'idx' | 'attempts' | 'createdAt' | 'notBefore'>;

// Time is the caller's `now` throughout (due, quiet hours, claim expiry, back-off), so the rule
// that decides quiet hours and the one that releases them read the same clock. Claims last
// minutes, far beyond the clock skew between instances.
async function claimDue(db: Db, now: Date, batchSize: number, claimMs: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: smsOutbox.id })
      .from(smsOutbox)
      .where(
        and(
          // 'sending' is due only once its claim has run out (the holder died).
          inArray(smsOutbox.status, ['pending', 'sending']),
          lte(smsOutbox.nextAttemptAt, now),
          or(isNull(smsOutbox.notBefore), lte(smsOutbox.notBefore, now)),
        ),
      )
      .orderBy(smsOutbox.nextAttemptAt)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(smsOutbox)
      .set({ status: 'sending', attempts: sql`${smsOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimMs) })
      .where(
        inArray(
          smsOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning({
        id: smsOutbox.id,
        recipient: smsOutbox.recipient,
        body: smsOutbox.body,
        idx: smsOutbox.idx,
        attempts: smsOutbox.attempts,
        createdAt: smsOutbox.createdAt,
        notBefore: smsOutbox.notBefore,
      });
  });
}

async function sendClaimed(sender: SmsSender, row: Claimed): Promise<SmsSendResult> {
  try {
    return await sender.send({ id: row.id, idx: row.idx, to: row.recipient, body: row.body });
  } catch (error) {
    return { ok: false, permanent: false, error: `send threw: ${(error as Error).name}` };
  }
}

type Settled = { row: Claimed; outcome: RowOutcome };

/** Writes the outcomes in one statement; each row only while this claim holds it (same attempt, still 'sending'). */
async function recordOutcomes(db: Db, settled: Settled[], now: Date): Promise<void> {
  await db
    .update(smsOutbox)
    .set({
      status: sql`v.status`,
      lastError: sql`v.error`,
      sentAt: sql`coalesce(v.sent_at, ${smsOutbox.sentAt})`,
      providerId: sql`coalesce(v.provider_id, ${smsOutbox.providerId})`,
      nextAttemptAt: sql`coalesce(v.next_attempt_at, ${smsOutbox.nextAttemptAt})`,
    })
    .from(outcomeTable(settled.map(({ row, outcome }) => ({ id: row.id, attempts: row.attempts, outcome, at: now }))))
    .where(and(eq(smsOutbox.id, sql`v.id`), eq(smsOutbox.attempts, sql`v.attempts`), eq(smsOutbox.status, 'sending')));
  for (const { row, outcome } of settled) {
    if (outcome.status === 'failed') logInfo('sms failed', { id: row.id, attempts: row.attempts, permanent: outcome.permanent });
  }
}

/** Claims the SMS due at `now` once and sends them; returns how many were claimed. */
export async function dispatchDueSms(db: Db, sender: SmsSender, now: Date = new Date(), options: SmsDispatchOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const claimed = await claimDue(db, now, o.batchSize, o.claimMs);
  await sendAndRecord(
    claimed,
    async (row): Promise<Settled> => {
      const result = await sendClaimed(sender, row);
      // Retrying stops a day after the message became due: created, or released by quiet hours.
      const dueSince = Math.max(row.createdAt.getTime(), row.notBefore?.getTime() ?? 0);
      const outcome = outcomeOf(result, { attempts: row.attempts, dueSince }, now, {
        giveUpAfterMs: o.giveUpAfterMs,
        backoff: o.backoff ?? backoffMs,
      });
      return { row, outcome };
    },
    (settled) => recordOutcomes(db, settled, now),
  );
  return claimed.length;
}
