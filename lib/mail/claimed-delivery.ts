// What both outboxes (email, SMS) do with the rows a dispatcher has claimed: hand them to the
// provider, all at once (the claim's size bounds how many sends are under way), and write what
// became of each as soon as it is known. Outcomes that arrive while a write is under way go
// together in the next one, so a busy outbox costs one statement per handful of messages rather
// than one per message, and a quiet one records each message at once.
import { sql, type SQL } from 'drizzle-orm';
import type { SendResult } from './senders';

/**
 * Sends every row and hands the outcomes to `record` in batches, each outcome once. Resolves when
 * every send has finished and every outcome has been written; rejects after that if a write
 * failed (its rows stay claimed and are taken over when the claim expires, as after a crash).
 */
export async function sendAndRecord<Row, Outcome>(
  rows: readonly Row[],
  send: (row: Row) => Promise<Outcome>,
  record: (outcomes: Outcome[]) => Promise<void>,
): Promise<void> {
  const waiting: Outcome[] = [];
  let writing: Promise<void> | undefined;
  const write = async () => {
    try {
      while (waiting.length > 0) await record(waiting.splice(0));
    } finally {
      writing = undefined;
    }
  };
  const settled = await Promise.allSettled(
    rows.map(async (row) => {
      waiting.push(await send(row));
      await (writing ??= write());
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/** A claimed row's next state: sent, failed for good, or waiting for another attempt. */
export type RowOutcome =
  | { status: 'sent'; providerId: string | null }
  | { status: 'failed'; error: string; permanent: boolean }
  | { status: 'pending'; error: string; nextAttemptAt: Date };

/**
 * What a send's result makes of its row: a permanent error, or a retryable one more than
 * `giveUpAfterMs` after the message became due (`dueSince`), fails it; any other error schedules
 * the next attempt after the back-off (or the provider's Retry-After, when longer).
 */
export function outcomeOf(
  result: SendResult,
  row: { attempts: number; dueSince: number },
  now: Date,
  options: { giveUpAfterMs: number; backoff: (attempt: number) => number },
): RowOutcome {
  if (result.ok) return { status: 'sent', providerId: result.providerId };
  if (result.permanent || now.getTime() - row.dueSince > options.giveUpAfterMs) {
    return { status: 'failed', error: result.error, permanent: result.permanent };
  }
  const wait = Math.max(result.retryAfterMs ?? 0, options.backoff(row.attempts));
  return { status: 'pending', error: result.error, nextAttemptAt: new Date(now.getTime() + wait) };
}

/**
 * The outcomes as a table `v` (id, attempts, status, error, provider_id, sent_at, next_attempt_at)
 * for an UPDATE … FROM: one JSON parameter, so the statement has one shape however many rows it
 * records. `at` is when the outcome was known (sent_at of a sent row).
 */
export function outcomeTable(outcomes: readonly { id: string; attempts: number; outcome: RowOutcome; at: Date }[]): SQL {
  const records = outcomes.map(({ id, attempts, outcome, at }) => ({
    id,
    attempts,
    status: outcome.status,
    error: outcome.status === 'sent' ? null : outcome.error,
    provider_id: outcome.status === 'sent' ? outcome.providerId : null,
    sent_at: outcome.status === 'sent' ? at : null,
    next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
  }));
  return sql`json_to_recordset(${JSON.stringify(records)}::json) as v(id uuid, attempts int, status text, error text, provider_id text, sent_at timestamptz, next_attempt_at timestamptz)`;
}
