// Delivery from sms_outbox to a fake SMSAPI over real HTTP, through the official client.
import postgres from 'postgres';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { smsOutbox } from '@/db/schema';
import { dispatchDueSms } from '@/lib/sms/dispatcher';
import { cancelQueuedSms, enqueueSms, SMS_OUTBOX_CHANNEL, type QueuedSms } from '@/lib/sms/outbox';
import { createSmsapiSender } from '@/lib/sms/smsapi-sender';
import { registerPatient } from '@/lib/registration/register-patient';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { failTimes, startFakeSmsapi, type FakeSmsapi } from '../helpers/fake-smsapi';
import { context, person } from '../helpers/registration';

const FROM = 'SPZOZLeczna';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Retries one second apart; each round of `drain` moves the clock past that.
const fast = { backoff: () => 1000, claimMs: 2 * MINUTE };

let numbers = 0;
function message(overrides: Partial<QueuedSms> = {}): QueuedSms {
  numbers += 1;
  return {
    recipient: `+4850${String(1_000_000 + numbers).slice(-7)}`,
    body: 'SPZOZ w Łęcznej: Twoje konto w E-Rejestracji zostało zweryfikowane. https://e-rejestracja.example',
    template: 'account-verified',
    ...overrides,
  };
}

async function enqueue(db: TestDatabase['db'], overrides: Partial<QueuedSms> = {}) {
  const id = await db.transaction((tx) => enqueueSms(tx, message(overrides)));
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
  return row!;
}

async function rowOf(db: TestDatabase['db'], id: string) {
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
  return row!;
}

function senderFor(fake: FakeSmsapi, timeoutMs = 300) {
  return createSmsapiSender({ token: fake.token, baseUrl: fake.url, from: FROM, timeoutMs });
}

/** Dispatches with a clock moving ahead of the back-off until the rows are done, or gives up. */
async function drain(db: TestDatabase['db'], fake: FakeSmsapi, ids: string[], start = new Date(), rounds = 20) {
  const sender = senderFor(fake);
  let now = start;
  for (let round = 0; round < rounds; round++) {
    await dispatchDueSms(db, sender, now, fast);
    const rows = await db.select({ status: smsOutbox.status }).from(smsOutbox).where(inArray(smsOutbox.id, ids));
    if (rows.every((r) => r.status !== 'pending' && r.status !== 'sending')) return now;
    now = new Date(now.getTime() + 2000);
  }
  throw new Error('sms outbox did not drain');
}

async function accountId(db: TestDatabase['db']) {
  const outcome = await registerPatient(db, person(), context());
  if (outcome.status !== 'registered') throw new Error(outcome.status);
  return outcome.accountId;
}

describe('the SMSAPI sender', () => {
  let fake: FakeSmsapi;
  beforeAll(async () => {
    fake = await startFakeSmsapi();
  });
  afterEach(() => fake.reset());
  afterAll(async () => {
    await fake?.close();
  });
  const sms = { id: 'row', idx: 'abc123', to: '+48501234567', body: 'Test' };

  it('posts JSON to sms.do with the token, idx, check_idx and sender name', async () => {
    const result = await senderFor(fake).send(sms);
    expect(result).toEqual({ ok: true, providerId: 'fake-1' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      path: '/sms.do',
      method: 'POST',
      authorization: `Bearer ${fake.token}`,
      contentType: 'application/json',
      body: { to: sms.to, message: 'Test', from: FROM, idx: 'abc123', check_idx: true, max_parts: 2, format: 'json' },
    });
  });

  it('counts a refused duplicate idx as sent, and the provider takes the message once', async () => {
    const sender = senderFor(fake);
    expect((await sender.send(sms)).ok).toBe(true);
    expect(await sender.send(sms)).toEqual({ ok: true, providerId: null });
    expect(fake.requests.map((r) => r.outcome)).toEqual(['accepted', 'duplicate']);
    expect(fake.deliveries().get('abc123')).toBe(1);
  });

  it.each([
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a 429', { status: 429 }],
    ['a hung connection (timeout)', 'hang' as const],
    ['too many messages to one number (52)', { error: 52 }],
    ['insufficient credit (103)', { error: 103 }],
    ['an internal error (201)', { error: 201 }],
  ])('retries after %s', async (_name, answer) => {
    fake.respond = () => answer;
    const result = await senderFor(fake, 200).send(sms);
    expect(result).toMatchObject({ ok: false, permanent: false });
  });

  it.each([
    ['an invalid number (13)', { error: 13 }],
    ['a blacklisted number (57)', { error: 57 }],
    ['an opted-out number (59)', { error: 59 }],
    ['a wrong sender name (14)', { error: 14 }],
    ['an error code with HTTP 400', { error: 13, status: 400 }],
    ['a bare 400', { status: 400 }],
  ])('gives up at once on %s', async (_name, answer) => {
    fake.respond = () => answer;
    const result = await senderFor(fake).send(sms);
    expect(result).toMatchObject({ ok: false, permanent: true });
  });

  it('retries when the provider cannot be reached', async () => {
    const result = await createSmsapiSender({ token: 't', baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 }).send(sms);
    expect(result).toMatchObject({ ok: false, permanent: false, error: expect.stringContaining('network') });
  });

  it('is refused with a wrong token (permanent, like a bad Resend key)', async () => {
    const result = await createSmsapiSender({ token: 'wrong', baseUrl: fake.url }).send(sms);
    expect(result).toMatchObject({ ok: false, permanent: true, error: expect.stringContaining('101') });
  });
});

describeEachDatabase('sms outbox delivery through SMSAPI', (kind) => {
  let database: TestDatabase;
  let fake: FakeSmsapi;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await startFakeSmsapi();
  });
  afterEach(async () => {
    fake.reset();
    // Each test owns the outbox: a clock moved ahead must not pick up another test's rows.
    await database.db.delete(smsOutbox);
  });
  afterAll(async () => {
    await fake?.close();
    await database?.dispose();
  });

  it('sends a queued SMS once, recording the provider id', async () => {
    const queued = await enqueue(database.db);
    expect(queued).toMatchObject({ status: 'pending', attempts: 0, notBefore: null });
    expect(queued.idx).toMatch(/^[0-9a-f]{32}$/);
    expect(await dispatchDueSms(database.db, senderFor(fake), new Date(), fast)).toBe(1);
    const row = await rowOf(database.db, queued.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, providerId: 'fake-1' });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(fake.accepted).toEqual([{ id: 'fake-1', idx: queued.idx, to: queued.recipient, message: queued.body, from: FROM }]);
  });

  it('refuses a recipient that is not E.164', async () => {
    await expect(enqueue(database.db, { recipient: '601 234 567' })).rejects.toThrow();
  });

  it('sends one SMS per row through a provider outage (5xx twice, then OK)', async () => {
    fake.respond = failTimes(2, { status: 503 });
    const rows = [await enqueue(database.db), await enqueue(database.db)];
    await drain(
      database.db,
      fake,
      rows.map((r) => r.id),
    );
    for (const queued of rows) {
      const row = await rowOf(database.db, queued.id);
      expect(row.status).toBe('sent');
      expect(fake.deliveries().get(queued.idx)).toBe(1);
    }
    expect(fake.requests.filter((r) => r.outcome === 'error')).toHaveLength(2);
    expect(fake.accepted).toHaveLength(2);
  });

  it('retries a timed-out send, whether or not the provider took it, and sends it once', async () => {
    const lostBefore = await enqueue(database.db);
    const lostAfter = await enqueue(database.db);
    // The first request of each row times out: one never reached the provider, one's answer was lost.
    fake.respond = (request) => {
      if (fake.requests.filter((r) => r.body.idx === request.body.idx).length > 1) return 'ok';
      return request.body.idx === lostBefore.idx ? 'hang' : 'accept-and-hang';
    };
    await drain(database.db, fake, [lostBefore.id, lostAfter.id]);
    expect(await rowOf(database.db, lostBefore.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await rowOf(database.db, lostAfter.id)).toMatchObject({ status: 'sent', attempts: 2, providerId: null });
    expect(fake.deliveries().get(lostBefore.idx)).toBe(1);
    expect(fake.deliveries().get(lostAfter.idx)).toBe(1);
    expect(fake.requests.find((r) => r.body.idx === lostAfter.idx && r.outcome === 'duplicate')).toBeDefined();
  });

  it('takes over a row whose dispatcher died mid-send, once its claim expires, and sends it exactly once', async () => {
    const queued = await enqueue(database.db);
    const t0 = new Date();
    // The provider takes the message, and the dispatcher "dies" before the answer arrives.
    fake.respond = () => 'accept-and-hang';
    const dead = dispatchDueSms(database.db, senderFor(fake, 60_000), t0, fast);
    await expect.poll(() => fake.accepted.length).toBe(1);
    expect(await rowOf(database.db, queued.id)).toMatchObject({ status: 'sending', attempts: 1 });

    fake.respond = () => 'ok';
    const restarted = senderFor(fake);
    // Within the claim, nobody else touches the row.
    expect(await dispatchDueSms(database.db, restarted, new Date(t0.getTime() + fast.claimMs - 1000), fast)).toBe(0);
    expect(await dispatchDueSms(database.db, restarted, new Date(t0.getTime() + fast.claimMs + 1000), fast)).toBe(1);
    expect(await rowOf(database.db, queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.requests.map((r) => r.outcome)).toEqual(['accepted-hung', 'duplicate']);
    expect(fake.deliveries().get(queued.idx)).toBe(1);

    // The old holder comes back with its (failed) outcome: its claim is gone, nothing changes.
    fake.releaseHanging();
    await dead;
    expect(await rowOf(database.db, queued.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a permanent error failed at once, without retrying', async () => {
    fake.respond = () => ({ error: 13 });
    const queued = await enqueue(database.db);
    const now = new Date();
    expect(await dispatchDueSms(database.db, senderFor(fake), now, fast)).toBe(1);
    const row = await rowOf(database.db, queued.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('SMSAPI 13');
    expect(await dispatchDueSms(database.db, senderFor(fake), new Date(now.getTime() + HOUR), fast)).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('holds a row until not_before (quiet hours), then sends it', async () => {
    const now = new Date();
    const morning = new Date(now.getTime() + 10 * HOUR);
    const queued = await enqueue(database.db, { notBefore: morning });
    expect(await dispatchDueSms(database.db, senderFor(fake), now, fast)).toBe(0);
    expect(await dispatchDueSms(database.db, senderFor(fake), new Date(morning.getTime() - 1000), fast)).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(await dispatchDueSms(database.db, senderFor(fake), morning, fast)).toBe(1);
    expect(await rowOf(database.db, queued.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives up a day after the message became due, counting from the end of quiet hours', async () => {
    fake.respond = () => ({ status: 503 });
    const now = new Date();
    const morning = new Date(now.getTime() + 10 * HOUR);
    const held = await enqueue(database.db, { notBefore: morning });
    const plain = await enqueue(database.db);
    await dispatchDueSms(database.db, senderFor(fake), new Date(now.getTime() + 25 * HOUR), fast);
    expect(await rowOf(database.db, plain.id)).toMatchObject({ status: 'failed', lastError: 'HTTP 503' });
    expect(await rowOf(database.db, held.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('cancels the pending SMS of an account whose SMS consent is withdrawn, and only those', async () => {
    const [mine, other] = [await accountId(database.db), await accountId(database.db)];
    const waiting = await enqueue(database.db, { accountId: mine });
    const held = await enqueue(database.db, { accountId: mine, notBefore: new Date(Date.now() + 10 * HOUR) });
    const inFlight = await enqueue(database.db, { accountId: mine });
    const sent = await enqueue(database.db, { accountId: mine });
    const someoneElse = await enqueue(database.db, { accountId: other });
    await database.db.update(smsOutbox).set({ status: 'sending', attempts: 1 }).where(eq(smsOutbox.id, inFlight.id));
    await database.db.update(smsOutbox).set({ status: 'sent', attempts: 1 }).where(eq(smsOutbox.id, sent.id));

    expect(await database.db.transaction((tx) => cancelQueuedSms(tx, mine))).toBe(2);
    const status = async (id: string) => (await rowOf(database.db, id)).status;
    expect(await status(waiting.id)).toBe('cancelled');
    expect(await status(held.id)).toBe('cancelled');
    expect(await status(inFlight.id)).toBe('sending');
    expect(await status(sent.id)).toBe('sent');
    expect(await status(someoneElse.id)).toBe('pending');

    // A cancelled SMS is never sent, even once quiet hours are over.
    await dispatchDueSms(database.db, senderFor(fake), new Date(Date.now() + 11 * HOUR), fast);
    const sentIdx = fake.accepted.map((m) => m.idx);
    expect(sentIdx).not.toContain(waiting.idx);
    expect(sentIdx).not.toContain(held.idx);
  });

  it('keeps a queued SMS with the transaction that queued it, or not at all', async () => {
    const recipient = '+48509999999';
    await database.db
      .transaction(async (tx) => {
        await enqueueSms(tx, message({ recipient }));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await database.db.select().from(smsOutbox).where(eq(smsOutbox.recipient, recipient))).toHaveLength(0);
  });
});

describePostgres('sms outbox with several dispatchers [postgres]', () => {
  let database: TestDatabase;
  let fake: FakeSmsapi;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    fake = await startFakeSmsapi();
  });
  afterAll(async () => {
    await fake?.close();
    await database?.dispose();
  });

  it('tells listening dispatchers of a queued SMS when its transaction commits, and never of a rolled-back one', async () => {
    const listener = postgres(database.url!, { max: 1, onnotice: () => {} });
    let heard = 0;
    try {
      await listener.listen(SMS_OUTBOX_CHANNEL, () => heard++);
      await database.db
        .transaction(async (tx) => {
          await enqueueSms(tx, message());
          throw new Error('roll back');
        })
        .catch(() => {});
      await database.db.transaction(async (tx) => {
        await enqueueSms(tx, message());
        await new Promise((r) => setTimeout(r, 200));
        expect(heard).toBe(0);
      });
      await expect.poll(() => heard).toBe(1);
    } finally {
      await listener.end();
      await database.db.delete(smsOutbox);
    }
  });

  it('sends each of 150 queued SMS exactly once with four dispatchers racing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 150; i++) ids.push((await enqueue(database.db)).id);
    const senders = [senderFor(fake, 5000), senderFor(fake, 5000)];
    const run = async (index: number) => {
      while ((await dispatchDueSms(database.db, senders[index % 2]!, new Date(), { ...fast, batchSize: 7 })) > 0) {}
    };
    await Promise.all([run(0), run(1), run(2), run(3)]);
    const rows = await database.db.select().from(smsOutbox).where(inArray(smsOutbox.id, ids));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(150);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const deliveries = fake.deliveries();
    for (const row of rows) expect(deliveries.get(row.idx)).toBe(1);
    expect(fake.requests).toHaveLength(150);
  });
});
