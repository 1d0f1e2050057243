// The outbox worker with both channels against fake Resend and SMSAPI over real HTTP: each channel
// in its own loop, sends of a claim under way together but never more than a claim holds, each
// outcome recorded as soon as it is known, and every message handed over once however many
// workers race.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { emailOutbox, smsOutbox } from '@/db/schema';
import { dispatchOnce, startMailWorker } from '@/lib/mail/dispatcher';
import { enqueueEmail } from '@/lib/mail/outbox';
import { createResendSender } from '@/lib/mail/senders';
import { enqueueSms } from '@/lib/sms/outbox';
import { createSmsapiSender } from '@/lib/sms/smsapi-sender';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { ok, startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { startFakeSmsapi, type FakeSmsapi } from '../helpers/fake-smsapi';

const FROM = 'E-Rejestracja <no-reply@szpital.example>';

let serial = 0;
async function queueEmails(db: TestDatabase['db'], count: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      serial += 1;
      ids.push(
        await enqueueEmail(tx, { template: 'probe', subject: 'Probe', html: '<p>x</p>', text: 'x', recipient: `w${serial}@example.pl` }),
      );
    }
    return ids;
  });
}

async function queueSms(db: TestDatabase['db'], count: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      serial += 1;
      ids.push(await enqueueSms(tx, { recipient: `+4850${String(1_000_000 + serial).slice(-7)}`, body: 'Test', template: 'verified' }));
    }
    return ids;
  });
}

async function statuses(db: TestDatabase['db'], table: typeof emailOutbox | typeof smsOutbox, ids: string[]) {
  const rows = await db.select({ status: table.status, attempts: table.attempts }).from(table).where(inArray(table.id, ids));
  return rows;
}

/** Answers every request after `ms`, and counts how many it holds at once. */
function slowAnswers(fake: FakeResend, ms: number) {
  const seen = { now: 0, most: 0 };
  fake.respond = () => {
    seen.now += 1;
    seen.most = Math.max(seen.most, seen.now);
    setTimeout(() => (seen.now -= 1), ms);
    return { status: 200, delayMs: ms };
  };
  return seen;
}

describeEachDatabase('the outbox worker', (kind) => {
  let database: TestDatabase;
  let resend: FakeResend;
  let smsapi: FakeSmsapi;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    resend = await startFakeResend();
    smsapi = await startFakeSmsapi();
  });
  afterEach(async () => {
    resend.requests.length = 0;
    resend.respond = () => ok;
    smsapi.reset();
    // Each test owns the outboxes.
    await database.db.delete(emailOutbox);
    await database.db.delete(smsOutbox);
  });
  afterAll(async () => {
    await resend?.close();
    await smsapi?.close();
    await database?.dispose();
  });

  const emailSender = (timeoutMs = 5000) => createResendSender({ apiKey: 're_test', baseUrl: resend.url, timeoutMs });
  const smsSender = () => createSmsapiSender({ token: smsapi.token, baseUrl: smsapi.url, timeoutMs: 5000 });

  it('delivers SMS while the email provider hangs: each channel has its own loop', async () => {
    resend.respond = () => 'hang';
    const [email] = await queueEmails(database.db, 1);
    const texts = await queueSms(database.db, 3);
    const worker = startMailWorker(database.db, emailSender(4000), { from: FROM, pollMs: 50, sms: smsSender() });
    try {
      await expect.poll(() => resend.requests.length).toBe(1);
      // The email's send waits out its 4 s timeout; the SMS go meanwhile.
      await expect
        .poll(async () => (await statuses(database.db, smsOutbox, texts)).map((r) => r.status), { timeout: 2000 })
        .toEqual(['sent', 'sent', 'sent']);
      expect((await statuses(database.db, emailOutbox, [email!]))[0]!.status).toBe('sending');
    } finally {
      await worker.stop();
    }
  });

  it('has no more sends under way than one claim holds, and sends those together', async () => {
    const seen = slowAnswers(resend, 150);
    const ids = await queueEmails(database.db, 12);
    const worker = startMailWorker(database.db, emailSender(), { from: FROM, pollMs: 50, batchSize: 4 });
    try {
      await expect
        .poll(async () => (await statuses(database.db, emailOutbox, ids)).every((r) => r.status === 'sent'), { timeout: 10_000 })
        .toBe(true);
    } finally {
      await worker.stop();
    }
    expect(seen.most).toBe(4);
    expect(resend.requests).toHaveLength(12);
  });

  it('records each outcome as soon as it is known: a hung send holds back no other row', async () => {
    resend.respond = (_request, index) => (index === 0 ? 'hang' : ok);
    const ids = await queueEmails(database.db, 5);
    const round = dispatchOnce(database.db, emailSender(3000), { from: FROM, backoff: () => 60_000 });
    try {
      await expect
        .poll(async () => (await statuses(database.db, emailOutbox, ids)).filter((r) => r.status === 'sent').length, { timeout: 2000 })
        .toBe(4);
    } finally {
      expect(await round).toBe(5);
    }
    const rows = await statuses(database.db, emailOutbox, ids);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(1); // the hung one, to be tried again
  });

  it('leaves a row alone whose claim was taken over before the answer came', async () => {
    const [id] = await queueEmails(database.db, 1);
    resend.respond = () => ({ status: 200, delayMs: 300 });
    const round = dispatchOnce(database.db, emailSender(), { from: FROM });
    await expect.poll(() => resend.requests.length).toBe(1);
    // Meanwhile the claim expired and another dispatcher took the row over (attempt 2).
    await database.db.update(emailOutbox).set({ attempts: 2 }).where(eq(emailOutbox.id, id!));
    await round;
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id!));
    expect(row).toMatchObject({ status: 'sending', attempts: 2, sentAt: null, providerMessageId: null });
  });
});

describePostgres('outbox workers racing [postgres]', () => {
  let database: TestDatabase;
  let resend: FakeResend;
  let smsapi: FakeSmsapi;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    resend = await startFakeResend();
    smsapi = await startFakeSmsapi();
  });
  afterAll(async () => {
    await resend?.close();
    await smsapi?.close();
    await database?.dispose();
  });

  it('hands each of 300 emails and 300 SMS over once with three workers sending in parallel', async () => {
    const emails = await queueEmails(database.db, 300);
    const texts = await queueSms(database.db, 300);
    const workers = [0, 1, 2].map(() =>
      startMailWorker(database.db, createResendSender({ apiKey: 're_test', baseUrl: resend.url }), {
        from: FROM,
        pollMs: 50,
        batchSize: 9,
        sms: createSmsapiSender({ token: smsapi.token, baseUrl: smsapi.url }),
      }),
    );
    try {
      await expect
        .poll(
          async () =>
            [...(await statuses(database.db, emailOutbox, emails)), ...(await statuses(database.db, smsOutbox, texts))].every(
              (r) => r.status === 'sent',
            ),
          { timeout: 30_000 },
        )
        .toBe(true);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const rows = [...(await statuses(database.db, emailOutbox, emails)), ...(await statuses(database.db, smsOutbox, texts))];
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(resend.requests).toHaveLength(300);
    expect(new Set(resend.requests.map((r) => r.idempotencyKey)).size).toBe(300);
    expect(smsapi.requests).toHaveLength(300);
    expect([...smsapi.deliveries().values()].every((n) => n === 1)).toBe(true);
    expect(smsapi.deliveries().size).toBe(300);
  });
});
