// Delivery from the outbox to a fake Resend API over real HTTP.
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { backoffMs, dispatchOnce, startMailWorker } from '@/lib/mail/dispatcher';
import { enqueueEmail } from '@/lib/mail/outbox';
import { createResendSender } from '@/lib/mail/senders';
import { registerPatient } from '@/lib/registration/register-patient';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { ok, startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { context, person } from '../helpers/registration';

const FROM = 'E-Rejestracja <no-reply@szpital.example>';
const fast = { from: FROM, backoff: () => 20, claimMs: 60_000 };

async function register(db: TestDatabase['db']) {
  const data = person();
  const outcome = await registerPatient(db, data, context());
  if (outcome.status !== 'registered') throw new Error(outcome.status);
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
  return { data, accountId: outcome.accountId, outboxId: row!.id };
}

/** Runs the dispatcher until nothing is due and nothing is waiting in `ids`, or time is up. */
async function drain(db: TestDatabase['db'], fake: FakeResend, ids: string[], timeoutMs = 20_000, timeout = 300) {
  const sender = createResendSender({ apiKey: 're_test', baseUrl: fake.url, timeoutMs: timeout });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await dispatchOnce(db, sender, fast);
    const rows = await db.select({ status: emailOutbox.status }).from(emailOutbox).where(inArray(emailOutbox.id, ids));
    if (rows.every((r) => r.status === 'sent' || r.status === 'failed')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('outbox did not drain in time');
}

it('backs off exponentially with jitter, capped at an hour', () => {
  expect(backoffMs(1, () => 0)).toBe(2500);
  expect(backoffMs(1, () => 1)).toBe(5000);
  expect(backoffMs(3, () => 1)).toBe(20_000);
  expect(backoffMs(30, () => 1)).toBe(3600_000);
});

describeEachDatabase('outbox delivery through Resend', (kind) => {
  let database: TestDatabase;
  let fake: FakeResend;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await startFakeResend();
  });
  afterEach(() => {
    fake.requests.length = 0;
    fake.respond = () => ok;
  });
  afterAll(async () => {
    await fake?.close();
    await database?.dispose();
  });

  it('sends a registration email once, with recipient, subject, link and idempotency key', async () => {
    const { data, outboxId } = await register(database.db);
    await drain(database.db, fake, [outboxId]);
    const mine = fake.requests.filter((r) => r.idempotencyKey === `outbox-${outboxId}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ path: '/emails', authorization: 'Bearer re_test', status: 200 });
    expect(mine[0]!.body).toMatchObject({ from: FROM, to: data.email, subject: 'Aktywacja konta w portalu E-Rejestracja' });
    expect(mine[0]!.body.text).toMatch(/\/activate\/[A-Za-z0-9_-]{43}/);
    expect(mine[0]!.body.html).toMatch(/\/activate\/[A-Za-z0-9_-]{43}/);
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row!.providerMessageId).toMatch(/^re_/);
  });

  it('loses and duplicates nothing while the provider fails, hangs and throttles', async () => {
    // 500s, then hanging connections, then 429 with Retry-After, then recovery.
    fake.respond = (_r, i) => (i < 6 ? { status: 500 } : i < 10 ? 'hang' : i < 14 ? { status: 429, headers: { 'retry-after': '1' } } : ok);
    // A dispatcher runs while patients register: the provider's trouble never reaches them.
    const worker = startMailWorker(database.db, createResendSender({ apiKey: 're_test', baseUrl: fake.url, timeoutMs: 300 }), {
      ...fast,
      pollMs: 20,
    });
    const registered = [];
    try {
      for (let i = 0; i < 6; i++) registered.push(await register(database.db));
    } finally {
      await worker.stop();
    }
    const ids = registered.map((r) => r.outboxId);
    await drain(database.db, fake, ids, 30_000);
    const rows = await database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const deliveries = fake.deliveries();
    for (const id of ids) expect(deliveries.get(`outbox-${id}`)).toBe(1);
    expect(fake.requests.some((r) => r.status === 500)).toBe(true);
    expect(fake.requests.some((r) => r.status === 'hung')).toBe(true);
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
  });

  it('honours Retry-After before trying again', async () => {
    fake.respond = (_r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '30' } } : ok);
    const { outboxId } = await register(database.db);
    const sender = createResendSender({ apiKey: 're_test', baseUrl: fake.url });
    await dispatchOnce(database.db, sender, fast);
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row!.status).toBe('pending');
    expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(await dispatchOnce(database.db, sender, fast)).toBe(0);
  });

  it('marks a permanent rejection failed with its error, visible to staff', async () => {
    fake.respond = () => ({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });
    const { accountId, outboxId } = await register(database.db);
    await drain(database.db, fake, [outboxId]);
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row!.lastError).toContain('422 validation_error');
    const detail = await getAccountDetail(database.db, accountId);
    expect(detail!.emails[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('Invalid') });
  });

  it('gives up after about a day of retries', async () => {
    fake.respond = () => ({ status: 503 });
    const { outboxId } = await register(database.db);
    const sender = createResendSender({ apiKey: 're_test', baseUrl: fake.url });
    const tomorrow = () => new Date(Date.now() + 25 * 3600_000);
    await dispatchOnce(database.db, sender, { ...fast, now: tomorrow });
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row!.status).toBe('failed');
  });
});

describePostgres('outbox delivery with several dispatchers [postgres]', () => {
  let database: TestDatabase;
  let fake: FakeResend;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    fake = await startFakeResend();
  });
  afterAll(async () => {
    await fake?.close();
    await database?.dispose();
  });

  it('tells listening dispatchers of a queued email when its transaction commits, and never of a rolled-back one', async () => {
    const listener = postgres(database.url!, { max: 1, onnotice: () => {} });
    const message = { template: 'probe', subject: 'Probe', html: '<p>x</p>', text: 'x', recipient: 'probe@example.pl' };
    let heard = 0;
    try {
      await listener.listen('email_outbox', () => heard++);
      await database.db
        .transaction(async (tx) => {
          await enqueueEmail(tx, message);
          throw new Error('roll back');
        })
        .catch(() => {});
      await database.db.transaction(async (tx) => {
        await enqueueEmail(tx, message);
        await new Promise((r) => setTimeout(r, 200));
        expect(heard).toBe(0);
      });
      await expect.poll(() => heard).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toBe(1);
    } finally {
      await listener.end();
      // The probe must not reach the delivery tests that share this database.
      await database.db.delete(emailOutbox).where(eq(emailOutbox.recipient, message.recipient));
    }
  });

  it('delivers each of 200 queued emails exactly once with two dispatchers racing', async () => {
    const ids = [];
    for (let i = 0; i < 200; i++) ids.push((await register(database.db)).outboxId);
    const senderA = createResendSender({ apiKey: 're_test', baseUrl: fake.url });
    const senderB = createResendSender({ apiKey: 're_test', baseUrl: fake.url });
    const run = async (sender: typeof senderA) => {
      while ((await dispatchOnce(database.db, sender, { ...fast, batchSize: 7 })) > 0) {}
    };
    await Promise.all([run(senderA), run(senderB), run(senderA), run(senderB)]);
    const rows = await database.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(200);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const deliveries = fake.deliveries();
    for (const id of ids) expect(deliveries.get(`outbox-${id}`)).toBe(1);
    expect(fake.requests).toHaveLength(200);
  });

  it('delivers a message whose worker was killed between claim and send, once its claim expires', async () => {
    fake.requests.length = 0;
    fake.respond = () => 'hang';
    const { outboxId } = await register(database.db);
    const child = spawn('npx', ['tsx', 'scripts/mail-worker.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url!,
        RESEND_API_KEY: 're_test',
        RESEND_BASE_URL: fake.url,
        MAIL_CLAIM_MS: '1500',
        MAIL_POLL_MS: '200',
        NODE_ENV: 'production',
        AUTH_SECRET: 'x'.repeat(40),
      },
      stdio: 'ignore',
      detached: true,
    });
    try {
      const deadline = Date.now() + 30_000;
      while (!fake.requests.some((r) => r.idempotencyKey === `outbox-${outboxId}`)) {
        if (Date.now() > deadline) throw new Error('worker never sent');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      process.kill(-child.pid!, 'SIGKILL');
    }
    const [claimed] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(claimed!.status).toBe('sending');
    fake.respond = () => ok;
    const sender = createResendSender({ apiKey: 're_test', baseUrl: fake.url });
    expect(await dispatchOnce(database.db, sender, fast)).toBe(0); // the claim still holds
    await new Promise((r) => setTimeout(r, 1600));
    await dispatchOnce(database.db, sender, fast);
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fake.deliveries().get(`outbox-${outboxId}`)).toBe(1);
  });
});
