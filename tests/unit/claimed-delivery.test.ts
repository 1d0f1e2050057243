// The part of outbox delivery both channels share: sends of a claim under way together, their
// outcomes written as they come, several in one write; and what a send's result makes of a row.
import { describe, expect, it } from 'vitest';
import { outcomeOf, sendAndRecord } from '@/lib/mail/claimed-delivery';

/** A promise with its resolve, to finish sends and writes in an order the test chooses. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sendAndRecord', () => {
  it('starts every send at once and writes the first outcome without waiting for the others', async () => {
    const sends = [gate<string>(), gate<string>(), gate<string>()];
    const started: number[] = [];
    const writes: string[][] = [];
    const done = sendAndRecord(
      [0, 1, 2],
      (i) => (started.push(i), sends[i]!.promise),
      async (outcomes) => void writes.push(outcomes),
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    sends[1]!.open('one');
    await tick();
    expect(writes).toEqual([['one']]);
    sends[0]!.open('zero');
    sends[2]!.open('two');
    await done;
    expect(writes.flat().sort()).toEqual(['one', 'two', 'zero']);
  });

  it('puts the outcomes that arrive during a write into the next one, each outcome once', async () => {
    const sends = Array.from({ length: 6 }, () => gate<number>());
    const firstWrite = gate();
    const writes: number[][] = [];
    const done = sendAndRecord(
      [0, 1, 2, 3, 4, 5],
      (i) => sends[i]!.promise,
      async (outcomes) => {
        writes.push(outcomes);
        if (writes.length === 1) await firstWrite.promise;
      },
    );
    sends[0]!.open(0);
    await tick();
    for (const i of [1, 2, 3, 4, 5]) sends[i]!.open(i);
    await tick();
    expect(writes).toEqual([[0]]); // the first write is still under way
    firstWrite.open();
    await done;
    expect(writes).toEqual([[0], [1, 2, 3, 4, 5]]);
  });

  it('waits for every send and write before it reports a failed write', async () => {
    const slow = gate<number>();
    let written = 0;
    let finished = false;
    const done = sendAndRecord(
      [0, 1],
      (i) => (i === 0 ? Promise.resolve(0) : slow.promise),
      async (outcomes) => {
        if (outcomes.includes(0)) throw new Error('database gone');
        written += outcomes.length;
      },
    ).finally(() => (finished = true));
    await tick();
    expect(finished).toBe(false); // the second send is still under way
    slow.open(1);
    await expect(done).rejects.toThrow('database gone');
    expect(written).toBe(1); // the later outcome was still written
  });

  it('does nothing for an empty claim', async () => {
    let writes = 0;
    await sendAndRecord(
      [],
      async () => 1,
      async () => void writes++,
    );
    expect(writes).toBe(0);
  });
});

describe('outcomeOf', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const options = { giveUpAfterMs: 24 * 3600_000, backoff: (attempt: number) => attempt * 1000 };
  const row = { attempts: 3, dueSince: now.getTime() - 3600_000 };

  it('marks a sent message sent, with the provider id', () => {
    expect(outcomeOf({ ok: true, providerId: 'p-1' }, row, now, options)).toEqual({ status: 'sent', providerId: 'p-1' });
  });

  it('fails a permanent error at once', () => {
    expect(outcomeOf({ ok: false, permanent: true, error: '422' }, row, now, options)).toEqual({
      status: 'failed',
      error: '422',
      permanent: true,
    });
  });

  it('retries a passing error after the back-off, or after Retry-After when that is longer', () => {
    const passing = { ok: false as const, permanent: false, error: '503' };
    expect(outcomeOf(passing, row, now, options)).toEqual({
      status: 'pending',
      error: '503',
      nextAttemptAt: new Date(now.getTime() + 3000),
    });
    expect(outcomeOf({ ...passing, retryAfterMs: 60_000 }, row, now, options)).toMatchObject({
      nextAttemptAt: new Date(now.getTime() + 60_000),
    });
  });

  it('gives a passing error up once the message has been due longer than the limit', () => {
    const old = { attempts: 30, dueSince: now.getTime() - 25 * 3600_000 };
    expect(outcomeOf({ ok: false, permanent: false, error: '503' }, old, now, options)).toEqual({
      status: 'failed',
      error: '503',
      permanent: false,
    });
  });
});
