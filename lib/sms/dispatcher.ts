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
import type { SmsSender, SmsSendResult } from './smsapi-sender';

export interface SmsDispatchOptions {
  /** How long a claim lasts before another dispatcher may take the row over. */
  claimMs?: number;
  batchSize?: number;
  /** Retrying stops this long after the message became due (created, or released by quiet hours). */
  giveUpAfterMs?: number;
  /** Delay before the next attempt (tests shorten it); the email schedule by default. */
  backoff?: (attempt: number) => number;
}

// The email dispatcher's limits. The give-up also bounds how far apart two sends of one idx can be.
const DEFAULTS = { claimMs: 120_000, batchSize: 20, giveUpAfterMs: 24 * 3600_000 };

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

async function recordOutcome(db: Db, row: Claimed, result: SmsSendResult, now: Date, o: SmsDispatchOptions & typeof DEFAULTS) {
  // Only the holder of this claim (same attempt number, still 'sending') may record its outcome.
  const mine = and(eq(smsOutbox.id, row.id), eq(smsOutbox.attempts, row.attempts), eq(smsOutbox.status, 'sending'));
  if (result.ok) {
    await db.update(smsOutbox).set({ status: 'sent', sentAt: now, providerId: result.providerId, lastError: null }).where(mine);
    return;
  }
  const dueSince = Math.max(row.createdAt.getTime(), row.notBefore?.getTime() ?? 0);
  if (result.permanent || now.getTime() - dueSince > o.giveUpAfterMs) {
    await db.update(smsOutbox).set({ status: 'failed', lastError: result.error }).where(mine);
    logInfo('sms failed', { id: row.id, attempts: row.attempts, permanent: result.permanent });
    return;
  }
  const wait = Math.max(result.retryAfterMs ?? 0, (o.backoff ?? backoffMs)(row.attempts));
  await db
    .update(smsOutbox)
    .set({ status: 'pending', lastError: result.error, nextAttemptAt: new Date(now.getTime() + wait) })
    .where(mine);
}

/** Claims the SMS due at `now` once and sends them; returns how many were claimed. */
export async function dispatchDueSms(db: Db, sender: SmsSender, now: Date = new Date(), options: SmsDispatchOptions = {}): Promise<number> {
  const o = { ...DEFAULTS, ...options };
  const claimed = await claimDue(db, now, o.batchSize, o.claimMs);
  await Promise.all(claimed.map(async (row) => recordOutcome(db, row, await sendClaimed(sender, row), now, o)));
  return claimed.length;
}
