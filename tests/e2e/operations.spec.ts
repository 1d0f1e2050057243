// Operations (issue 14, SPEC §16) against the standalone build started as the container starts
// it: the main e2e server is `npm run start:standalone`. The journey register → activate → verify
// runs on it; /api/health, /api/ready and /api/metrics are checked, the metrics' counters move,
// and a second standalone server whose PostgreSQL goes away answers /api/ready with 503 (and 200
// again when it is back) while /api/health stays 200.
import net from 'node:net';
import { expect, test } from './fixtures';
import { AccountDetailPage } from './pages/account-detail-page';
import { VerificationQueuePage } from './pages/verification-queue-page';
import { registerAndActivate, signInPatient } from './support/patients';
import { signInStaff } from './support/staff';
import { E2E_METRICS_TOKEN, createDatabase, startStandalone, type StandaloneServer } from './standalone';
import { postgresBase } from './support/database';

type ReadyReport = { status: string; checks: Record<string, { ok: boolean; [k: string]: unknown }> };

/** The value of one sample in Prometheus text, e.g. `erejestracja_registrations_total{outcome="registered"}`. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

test.describe('health, readiness and metrics of the standalone server', () => {
  test('/api/health and /api/ready answer JSON with no personal data, no CSP nonce work and no caching', async ({ request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    expect(health.headers()['cache-control']).toBe('no-store');
    // proxy.ts does not run for them: no per-request CSP.
    expect(health.headers()['content-security-policy']).toBeUndefined();

    // Anyone learns only whether the instance is ready; the checks need the metrics token.
    const bare = await request.get('/api/ready');
    expect(bare.status()).toBe(200);
    expect(await bare.json()).toEqual({ status: 'ready' });
    for (const authorization of [`Bearer ${E2E_METRICS_TOKEN}x`, `Basic ${E2E_METRICS_TOKEN}`, 'Bearer ']) {
      expect(await (await request.get('/api/ready', { headers: { authorization } })).json(), authorization).toEqual({ status: 'ready' });
    }
    const ready = await request.get('/api/ready', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
    expect(ready.status()).toBe(200);
    const report = (await ready.json()) as ReadyReport;
    expect(report.status).toBe('ready');
    expect(report.checks.database!.ok).toBe(true);
    expect(report.checks.migrations).toMatchObject({ ok: true });
    expect(report.checks.migrations!.applied).toBe(report.checks.migrations!.expected);
    expect(ready.headers()['content-security-policy']).toBeUndefined();
    expect(JSON.stringify(report)).not.toMatch(/postgres:\/\/|@|pesel/i);
  });

  test('/api/ready is not rate-limited: a burst of probes all get an answer', async ({ request }) => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => request.get('/api/ready')));
    expect(answers.map((a) => a.status())).toEqual(Array(30).fill(200));
  });

  test('/api/metrics refuses a request without the bearer token, or with a wrong one', async ({ request }) => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: `Basic ${E2E_METRICS_TOKEN}` },
      { authorization: `Bearer ${E2E_METRICS_TOKEN}x` },
    ]) {
      const response = await request.get('/api/metrics', { headers });
      expect(response.status(), JSON.stringify(headers)).toBe(401);
      expect(response.headers()['www-authenticate']).toContain('Bearer');
      expect(await response.text()).not.toContain('erejestracja_');
    }
  });

  test('register → activate → verify on the standalone build moves the counters, and no label carries the patient', async ({
    page,
    newPage,
    request,
  }) => {
    const scrape = async () => {
      const response = await request.get('/api/metrics', { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/plain');
      return response.text();
    };
    const before = await scrape();
    const registeredBefore = sample(before, 'erejestracja_registrations_total{outcome="registered"}');
    const signInsBefore = sample(before, 'erejestracja_sign_ins_total{outcome="success"}');
    expect(registeredBefore).toBeGreaterThanOrEqual(0);

    const patient = await registerAndActivate(page);
    const account = await signInPatient(page, patient);
    await account.expectUnverified();

    const desk = await newPage();
    const queue: VerificationQueuePage = await signInStaff(desk, 'registrar');
    const id = await queue.find(patient.person.pesel, patient.person);
    const detail = new AccountDetailPage(desk);
    await detail.goto(id);
    await detail.document('Dowód osobisty').check();
    await detail.verify.click();
    await expect(detail.status).toHaveAttribute('data-account-status', 'verified');
    await account.goto();
    await account.expectVerified();

    const after = await scrape();
    expect(sample(after, 'erejestracja_registrations_total{outcome="registered"}')).toBeGreaterThan(registeredBefore);
    expect(sample(after, 'erejestracja_sign_ins_total{outcome="success"}')).toBeGreaterThanOrEqual(signInsBefore + 2);
    // Request durations are labelled by route template: the activation token is not in them.
    expect(after).toMatch(/erejestracja_http_request_duration_seconds_count\{method="POST",route="\/register",status="\d+"\} [1-9]/);
    expect(after).toMatch(
      /erejestracja_http_request_duration_seconds_count\{method="GET",route="\/activate\/\[token\]",status="200"\} [1-9]/,
    );
    expect(after).toMatch(
      /erejestracja_http_request_duration_seconds_count\{method="GET",route="\/admin\/verifications\/\[id\]",status="200"\} [1-9]/,
    );
    // Gauges read from the database at scrape time, and Node's defaults.
    expect(after).toMatch(/^erejestracja_verification_queue_size \d+$/m);
    expect(after).toMatch(/^erejestracja_email_outbox_messages\{status="pending"\} \d+$/m);
    expect(after).toMatch(/^process_resident_memory_bytes \d+/m);
    for (const secret of [patient.person.login, patient.person.email, patient.person.pesel, patient.person.lastName, id]) {
      expect(after, 'a label carries personal data').not.toContain(secret);
    }
  });
});

/** A TCP relay to PostgreSQL that the test can cut and restore, standing in for the database going away. */
async function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy(); // close() waits for open connections to end
      server = null;
      await closing;
    },
    restore: open,
  };
}

test.describe('readiness when PostgreSQL goes away', () => {
  test.skip(!postgresBase, 'needs a local PostgreSQL (TEST_DATABASE_URL / E2E_DATABASE_URL)');
  test.setTimeout(180_000);

  test('/api/ready answers 503 while the database is unreachable and 200 again once it is back; /api/health stays 200', async () => {
    const database = await createDatabase();
    const target = new URL(database.url);
    const relay = await relayTo(target);
    const viaRelay = new URL(database.url);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    let server: StandaloneServer | undefined;
    try {
      server = await startStandalone(3305, { DATABASE_URL: viaRelay.toString(), DEMO_SEED: '0', METRICS_TOKEN: E2E_METRICS_TOKEN });
      const ready = () =>
        fetch(`${server!.url}/api/ready`, {
          headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
          signal: AbortSignal.timeout(10_000),
        });
      const first = await ready();
      expect(first.status, `${await first.clone().text()}\n${server.output()}`).toBe(200);

      await relay.cut();
      const down = await ready();
      expect(down.status).toBe(503);
      const report = (await down.json()) as ReadyReport;
      expect(report.status).toBe('not ready');
      expect(report.checks.database).toMatchObject({ ok: false, error: 'unreachable' });
      expect(JSON.stringify(report)).not.toContain(database.url);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);

      await relay.restore();
      await expect.poll(async () => (await ready()).status, { timeout: 30_000 }).toBe(200);
    } finally {
      await server?.stop();
      await relay.cut();
      await database.drop();
    }
  });
});
