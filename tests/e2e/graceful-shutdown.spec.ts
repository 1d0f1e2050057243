// Graceful shutdown (issue 14): SIGTERM arrives during a burst of registrations while the email
// provider is first down and then slow. The server must stop taking connections, finish the
// requests and the sends it has started, and exit 0; then a new server and the bundled mail
// worker deliver the rest. Nothing is lost: every registration that got its success answer has
// its account and exactly one activation email; nothing is sent twice: the provider receives
// each outbox row (its idempotency key) exactly once.
import postgres from 'postgres';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { newPerson, type Person } from '../helpers/people';
import { expect, test } from './fixtures';
import type { ProcessResult } from './servers';
import { apiContext, createDatabase, spawnStandalone, startStandalone, type StandaloneProcess } from './standalone';
import { postgresBase } from './support/database';
import { postRegistration, registrationFields } from './support/forms';

const PORT = 3307;

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);

test.describe('graceful shutdown', () => {
  test.skip(!postgresBase, 'needs a local PostgreSQL (TEST_DATABASE_URL / E2E_DATABASE_URL)');
  test.setTimeout(240_000);

  test('SIGTERM during a burst of registrations and a mail outage loses nothing and sends nothing twice', async () => {
    const database = await createDatabase();
    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const fake: FakeResend = await startFakeResend();
    const running: StandaloneProcess[] = [];
    const env = {
      DATABASE_URL: database.url,
      RESEND_API_KEY: 're_test_graceful_shutdown',
      RESEND_BASE_URL: fake.url,
      MAIL_POLL_MS: '200',
      DEMO_SEED: '0',
      DEV_MAILBOX: '0',
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '100000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
      SHUTDOWN_TIMEOUT_MS: '30000',
    };
    try {
      // The provider is down: every attempt fails and is retried later.
      fake.respond = () => ({ status: 503 });
      const a = await startStandalone(PORT, env);
      running.push(a);
      const api = await apiContext(a.url);
      const register = async (people: Person[]) => {
        const forms = await Promise.all(people.map(() => registrationFields(api)));
        return people.map((p, i) =>
          postRegistration(api, a.url, forms[i]!, p).then(
            (r) => r.status(),
            () => 'no answer' as const,
          ),
        );
      };

      const early = Array.from({ length: 5 }, () => newPerson());
      expect(await Promise.all(await register(early))).toEqual(Array(5).fill(303));
      await expect.poll(() => fake.requests.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(early.length);

      // The provider comes back, slowly: each accepted message is answered 1.5 s later.
      fake.respond = () => ({ status: 200, delayMs: 1500 });
      const seen = fake.requests.length;
      const burst = Array.from({ length: 8 }, () => newPerson());
      const answers = await register(burst);
      // SIGTERM while registrations are being answered and sends are in flight.
      await Promise.race(answers);
      await expect.poll(() => fake.requests.length, { timeout: 10_000, intervals: [20] }).toBeGreaterThan(seen);
      process.kill(a.child.pid!, 'SIGTERM');

      // New connections are refused at once, while the process still finishes its work.
      await expect
        .poll(
          () =>
            fetch(`${a.url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
              () => 'answered',
              () => 'refused',
            ),
          { timeout: 5_000, intervals: [50] },
        )
        .toBe('refused');
      const exit: ProcessResult = await within(a.exited, 40_000, 'the server to exit after SIGTERM');
      expect(exit.code, exit.output.slice(-3000)).toBe(0);
      expect(exit.output).toContain('"event":"shutdown complete"');
      const statuses = await Promise.all(answers);
      await api.dispose();

      // Sends in flight were finished and recorded before the exit: no row is left claimed.
      const [{ claimed }] = await sql<[{ claimed: number }]>`select count(*)::int as claimed from email_outbox where status = 'sending'`;
      expect(claimed).toBe(0);
      const registered = [...early, ...burst.filter((_, i) => statuses[i] === 303)];
      expect(registered.length).toBeGreaterThan(early.length);
      for (const status of statuses) expect([303, 'no answer']).toContain(status);

      // The bundled mail worker (as compose runs it) starts delivering what is left, alone at
      // first; then a new server joins it, and both claim from the same outbox.
      fake.respond = () => ({ status: 200 });
      const delivered = fake.requests.length;
      const worker = spawnStandalone('mail-worker.mjs', { ...env, AUTH_SECRET: 'standalone-e2e-secret-standalone-e2e-secret' });
      running.push(worker);
      await expect.poll(() => fake.requests.length, { timeout: 60_000, intervals: [200] }).toBeGreaterThan(delivered);
      const b = await startStandalone(PORT, env);
      running.push(b);
      await expect
        .poll(async () => (await sql`select id from email_outbox where status <> 'sent'`).length, { timeout: 90_000, intervals: [500] })
        .toBe(0);

      for (const p of registered) {
        const rows = await sql`
          select o.id, o.status, o.template from email_outbox o join web_accounts w on w.id = o.account_id
          where w.login = ${p.login}`;
        expect(rows, `outbox rows of ${p.login}`).toHaveLength(1);
        expect(rows[0]).toMatchObject({ status: 'sent', template: 'activation' });
      }
      const outbox = await sql<Array<{ id: string }>>`select id from email_outbox`;
      const deliveries = fake.deliveries();
      for (const { id } of outbox) expect(deliveries.get(`outbox-${id}`), `deliveries of outbox row ${id}`).toBe(1);
      expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
      expect(deliveries.size).toBe(outbox.length);

      await b.stop();
      expect((await b.exited).code).toBe(0);
      await worker.stop();
      const workerExit = await worker.exited;
      expect(workerExit.code, workerExit.output.slice(-3000)).toBe(0);
      expect(workerExit.output).toContain('"event":"mail worker started"');
    } finally {
      for (const p of running) await p.stop();
      await fake.close();
      await sql.end();
      await database.drop();
    }
  });
});
