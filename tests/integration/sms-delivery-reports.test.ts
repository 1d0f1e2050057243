// SMSAPI's delivery reports on the database: recordDeliveryReports, the route that SMSAPI calls,
// and the whole way from a send naming its notify_url to the row's final status.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { smsOutbox, type smsOutboxStatuses } from '@/db/schema';
import type { Db } from '@/db/client';
import { metrics } from '@/lib/metrics';
import { dispatchDueSms } from '@/lib/sms/dispatcher';
import { deliveryReportUrl, recordDeliveryReports, type DeliveryReport } from '@/lib/sms/delivery-reports';
import { enqueueSms } from '@/lib/sms/outbox';
import { createSmsapiSender } from '@/lib/sms/smsapi-sender';
import { GET, POST } from '@/app/api/sms/status/[secret]/route';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { startFakeSmsapi, type AcceptedSms, type FakeSmsapi } from '../helpers/fake-smsapi';
import { asyncListener } from '../helpers/http';

// The route reads the secret from the environment (parsed on first use) and the database from
// getDb: both are this test's.
const current = vi.hoisted(() => {
  process.env.SMS_STATUS_SECRET = 'delivery-report-secret-0123456789abcdef';
  return { db: undefined as Db | undefined };
});
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: async () => current.db!,
}));

const SECRET = process.env.SMS_STATUS_SECRET!;
const HOUR = 3_600_000;
type Status = (typeof smsOutboxStatuses)[number];

let numbers = 0;
async function rowIn(db: Db, status: Status, providerId: string | null = null) {
  numbers += 1;
  const id = await db.transaction((tx) =>
    enqueueSms(tx, { recipient: `+4851${String(1_000_000 + numbers).slice(-7)}`, body: 'Test', template: 'verified' }),
  );
  await db
    .update(smsOutbox)
    .set({ status, providerId, attempts: status === 'pending' ? 0 : 1, sentAt: status === 'sent' ? new Date() : null })
    .where(eq(smsOutbox.id, id));
  return rowOf(db, id);
}

async function rowOf(db: Db, id: string) {
  const [row] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, id));
  return row!;
}

const report = (row: { idx: string }, code: number, msgId = 'smsapi-1'): DeliveryReport => ({ msgId, idx: row.idx, code });

/** Calls the route as Next would, with the secret as the path's last segment. */
function callRoute(secret: string, query: string, form?: string) {
  const url = `http://127.0.0.1:3000/api/sms/status/${secret}${query ? `?${query}` : ''}`;
  const context = { params: Promise.resolve({ secret }) };
  if (form === undefined) return GET(new Request(url), context);
  return POST(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }), context);
}

async function reportCount(result: string): Promise<number> {
  const { values } = await metrics().smsDeliveryReports.get();
  return values.find((v) => v.labels.result === result)?.value ?? 0;
}

describeEachDatabase('sms delivery reports', (kind) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    current.db = db;
  });
  afterEach(async () => {
    await db.delete(smsOutbox);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('marks a sent SMS delivered, keeping the provider id it had', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [report(sent, 404)])).toEqual({ delivered: 1, undelivered: 0, ignored: 0 });
    expect(await rowOf(db, sent.id)).toMatchObject({ status: 'delivered', providerId: 'smsapi-1', lastError: null, sentAt: sent.sentAt });
  });

  it('marks delivered an SMS whose report outran the dispatcher, which then never sends it again', async () => {
    const sending = await rowIn(db, 'sending');
    expect(await recordDeliveryReports(db, [report(sending, 404, 'smsapi-7')])).toMatchObject({ delivered: 1 });
    const row = await rowOf(db, sending.id);
    expect(row).toMatchObject({ status: 'delivered', providerId: 'smsapi-7' });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Its claim lapses, and still nobody takes it over.
    const sender = { name: 'never', send: () => Promise.reject(new Error('sent again')) };
    expect(await dispatchDueSms(db, sender, new Date(Date.now() + 2 * HOUR))).toBe(0);
  });

  it.each([
    [402, 'SMSAPI 402 EXPIRED'],
    [405, 'SMSAPI 405 UNDELIVERED'],
    [406, 'SMSAPI 406 FAILED'],
    [407, 'SMSAPI 407 REJECTED'],
    [412, 'SMSAPI 412 STOP'],
  ])('marks a sent SMS undelivered on %i, with the reason', async (code, reason) => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [report(sent, code)])).toMatchObject({ undelivered: 1 });
    expect(await rowOf(db, sent.id)).toMatchObject({ status: 'undelivered', lastError: reason });
  });

  it.each([401, 403, 408, 409, 410, 411])('leaves a sent SMS as it is on %i, which is not final', async (code) => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [report(sent, code)])).toEqual({ delivered: 0, undelivered: 0, ignored: 1 });
    expect(await rowOf(db, sent.id)).toEqual(sent);
  });

  it.each(['pending', 'failed', 'cancelled'] as const)('never touches a %s SMS', async (status) => {
    const row = await rowIn(db, status);
    expect(await recordDeliveryReports(db, [report(row, 404), report(row, 405)])).toMatchObject({ ignored: 2 });
    expect(await rowOf(db, row.id)).toEqual(row);
  });

  it('records the report of a pending SMS whose answer timed out (tried once, a retry waiting): the provider has it', async () => {
    const row = await rowIn(db, 'pending');
    await db.update(smsOutbox).set({ attempts: 1, lastError: 'no answer in 10000 ms' }).where(eq(smsOutbox.id, row.id));
    expect(await recordDeliveryReports(db, [report(row, 404, 'smsapi-late')])).toMatchObject({ delivered: 1 });
    expect(await rowOf(db, row.id)).toMatchObject({ status: 'delivered', providerId: 'smsapi-late', lastError: null });
  });

  it('never goes back from delivered or undelivered', async () => {
    const delivered = await rowIn(db, 'sent', 'smsapi-1');
    const undelivered = await rowIn(db, 'sent', 'smsapi-2');
    await recordDeliveryReports(db, [report(delivered, 404, 'smsapi-1'), report(undelivered, 405, 'smsapi-2')]);
    const before = [await rowOf(db, delivered.id), await rowOf(db, undelivered.id)];
    const later = [report(delivered, 405, 'smsapi-1'), report(delivered, 403, 'smsapi-1'), report(undelivered, 404, 'smsapi-2')];
    expect(await recordDeliveryReports(db, later)).toMatchObject({ ignored: 3 });
    expect([await rowOf(db, delivered.id), await rowOf(db, undelivered.id)]).toEqual(before);
  });

  it('ignores a report whose MsgId contradicts the id SMSAPI gave at sending', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [report(sent, 405, 'smsapi-999')])).toMatchObject({ ignored: 1 });
    expect(await rowOf(db, sent.id)).toEqual(sent);
  });

  it('takes the MsgId of the first final report when no id was recorded (a duplicate idx answered the send)', async () => {
    const sent = await rowIn(db, 'sent', null);
    await recordDeliveryReports(db, [report(sent, 404, 'smsapi-5')]);
    expect(await rowOf(db, sent.id)).toMatchObject({ status: 'delivered', providerId: 'smsapi-5' });
  });

  it('ignores a report for an idx it never sent', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [{ msgId: 'smsapi-1', idx: 'ab'.repeat(16), code: 404 }])).toMatchObject({ ignored: 1 });
    expect(await rowOf(db, sent.id)).toEqual(sent);
  });

  it('records a report given twice once', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    expect(await recordDeliveryReports(db, [report(sent, 405)])).toMatchObject({ undelivered: 1 });
    const after = await rowOf(db, sent.id);
    expect(await recordDeliveryReports(db, [report(sent, 405)])).toEqual({ delivered: 0, undelivered: 0, ignored: 1 });
    expect(await rowOf(db, sent.id)).toEqual(after);
  });

  it('counts each report by result', async () => {
    const [delivered, undelivered, ignored] = [
      await reportCount('delivered'),
      await reportCount('undelivered'),
      await reportCount('ignored'),
    ];
    const a = await rowIn(db, 'sent', 'smsapi-1');
    const b = await rowIn(db, 'sent', 'smsapi-2');
    await recordDeliveryReports(db, [report(a, 404, 'smsapi-1'), report(b, 406, 'smsapi-2'), report(b, 404, 'smsapi-2')]);
    expect(await reportCount('delivered')).toBe(delivered + 1);
    expect(await reportCount('undelivered')).toBe(undelivered + 1);
    expect(await reportCount('ignored')).toBe(ignored + 1);
  });

  it('answers SMSAPI’s GET with comma-separated lists with OK, and records each report', async () => {
    const a = await rowIn(db, 'sent', 'smsapi-1');
    const b = await rowIn(db, 'sending');
    const response = await callRoute(SECRET, `MsgId=smsapi-1,smsapi-2&status=404,405&idx=${a.idx},${b.idx}&donedate=1700000000,1700000001`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('OK');
    expect(await rowOf(db, a.id)).toMatchObject({ status: 'delivered' });
    expect(await rowOf(db, b.id)).toMatchObject({ status: 'undelivered', providerId: 'smsapi-2', lastError: 'SMSAPI 405 UNDELIVERED' });
  });

  it('answers a form POST with OK, and records its report', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    const response = await callRoute(SECRET, '', `MsgId=smsapi-1&status=404&idx=${sent.idx}&username=u&to=48510000000`);
    expect(await response.text()).toBe('OK');
    expect(await rowOf(db, sent.id)).toMatchObject({ status: 'delivered' });
  });

  it('answers a wrong secret with 404 and records nothing', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    const query = `MsgId=smsapi-1&status=404&idx=${sent.idx}`;
    for (const secret of [SECRET.slice(0, -1), `${SECRET.slice(0, -1)}X`, 'x']) {
      const response = await callRoute(secret, query);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toBe('OK');
    }
    expect((await callRoute(SECRET.slice(0, -1), '', query)).status).toBe(404);
    expect(await rowOf(db, sent.id)).toEqual(sent);
  });

  it('answers OK to reports it cannot read, and changes nothing', async () => {
    const sent = await rowIn(db, 'sent', 'smsapi-1');
    for (const query of ['', `MsgId=smsapi-1,smsapi-2&status=404&idx=${sent.idx}`, `MsgId=smsapi-1&status=DELIVERED&idx=${sent.idx}`]) {
      const response = await callRoute(SECRET, query);
      expect(await response.text()).toBe('OK');
    }
    expect(await rowOf(db, sent.id)).toEqual(sent);
  });
});

describeEachDatabase('sms delivery reports from send to delivery', (kind) => {
  let database: TestDatabase;
  let fake: FakeSmsapi;
  let app: Server;
  let appUrl: string;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    current.db = database.db;
    fake = await startFakeSmsapi();
    // The route behind a real HTTP server, as SMSAPI would reach it.
    const onRequest = asyncListener(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', appUrl);
      const secret = /^\/api\/sms\/status\/([^/]+)$/.exec(url.pathname)?.[1];
      if (!secret) return void res.writeHead(404).end();
      const headers = { 'content-type': req.headers['content-type'] ?? '' };
      const context = { params: Promise.resolve({ secret: decodeURIComponent(secret) }) };
      const response =
        req.method === 'POST'
          ? await POST(new Request(url, { method: 'POST', headers, body: Buffer.concat(chunks) }), context)
          : await GET(new Request(url, { headers }), context);
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'text/plain' });
      res.end(await response.text());
    });
    app = createServer(onRequest);
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    fake.reset();
    await database.db.delete(smsOutbox);
  });
  afterAll(async () => {
    await fake?.close();
    await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
    await database?.dispose();
  });

  async function sendTwo(notifyUrl: string | undefined) {
    const sender = createSmsapiSender({ token: fake.token, baseUrl: fake.url, notifyUrl });
    const ids: string[] = [];
    for (const recipient of ['+48512000001', '+48512000002']) {
      ids.push(await database.db.transaction((tx) => enqueueSms(tx, { recipient, body: 'Test', template: 'verified' })));
    }
    await dispatchDueSms(database.db, sender);
    return ids;
  }

  it('names the notify_url on every send when reports are configured, and none otherwise', async () => {
    await sendTwo(deliveryReportUrl(appUrl, SECRET));
    expect(fake.requests.map((r) => r.body.notify_url)).toEqual([
      `${appUrl}/api/sms/status/${SECRET}`,
      `${appUrl}/api/sms/status/${SECRET}`,
    ]);
    fake.reset();
    await sendTwo(undefined);
    expect(fake.requests.map((r) => 'notify_url' in r.body)).toEqual([false, false]);
  });

  it.each(['GET', 'POST'] as const)('marks SMS delivered and undelivered when SMSAPI reports them (%s)', async (method) => {
    const ids = await sendTwo(deliveryReportUrl(appUrl, SECRET));
    const accepted = async (id: string): Promise<AcceptedSms> => {
      const row = await rowOf(database.db, id);
      return fake.accepted.find((m) => m.idx === row.idx)!;
    };
    const [first, second] = [await accepted(ids[0]!), await accepted(ids[1]!)];
    expect(await fake.report(first, 404, { method })).toEqual({ status: 200, body: 'OK' });
    expect(await fake.report(second, 405, { method })).toEqual({ status: 200, body: 'OK' });
    expect(await rowOf(database.db, ids[0]!)).toMatchObject({ status: 'delivered', providerId: first.id });
    expect(await rowOf(database.db, ids[1]!)).toMatchObject({ status: 'undelivered', lastError: 'SMSAPI 405 UNDELIVERED' });
    // Both again in one call: nothing changes, and SMSAPI still hears OK.
    expect(await fake.report([first, second], 404, { method })).toEqual({ status: 200, body: 'OK' });
    expect((await rowOf(database.db, ids[1]!)).status).toBe('undelivered');
  });
});
