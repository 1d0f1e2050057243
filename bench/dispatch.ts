// Outbox dispatch (issue 24): how fast the outbox worker empties a queue of emails and of SMS into
// providers that answer at once (the tests' fake Resend and SMSAPI on 127.0.0.1), and that it
// hands each message over exactly once while doing so.
//   npm run bench:dispatch [-- --messages=2000 --no-write]
//
// The worker is the one production runs: `node mail-worker.mjs` of the standalone build
// (scripts/mail-worker.ts bundled; the same startProcessMailWorker a server starts from
// instrumentation.ts, with its defaults), in its own process so that its CPU time is its own; the
// build is made once if missing, as for the other benches (`-- --build` forces it). Each phase
// queues the messages in one transaction through the app's enqueue functions; the commit's NOTIFY
// wakes the worker. Per-message times come from the database clock: a bench-only trigger stamps
// each row when it is claimed and when its outcome is recorded (nothing of the app reads them).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { renderActivationEmail } from '@/lib/account/emails';
import { enqueueEmail } from '@/lib/mail/outbox';
import { enqueueSms } from '@/lib/sms/outbox';
import { renderSms } from '@/lib/sms/templates';
import { ok, startFakeResend, type FakeResend } from '../tests/helpers/fake-resend';
import { startFakeSmsapi, type FakeSmsapi } from '../tests/helpers/fake-smsapi';
import { cpuMeter } from './lib/cpu';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { STANDALONE } from './lib/server';
import { benchNodeFlags, startService, type Service } from './lib/service';
import { cpuCells, fmt, summarize, table, type RunStats } from './lib/stats';

const GOAL_PER_SECOND = 200;
const TABLES = ['email_outbox', 'sms_outbox'] as const;

/** Bench-only columns and a trigger on the throwaway database: when each row was claimed and settled. */
async function stampClaimsAndOutcomes(sql: postgres.Sql): Promise<void> {
  await sql`
    create function bench_outbox_times() returns trigger language plpgsql as $$
    begin
      if new.status = 'sending' and new.attempts > old.attempts then
        new.bench_claimed_at := clock_timestamp();
        new.bench_claim := txid_current();
      end if;
      if old.status = 'sending' and new.status <> 'sending' then new.bench_settled_at := clock_timestamp(); end if;
      return new;
    end $$`;
  for (const name of TABLES) {
    await sql.unsafe(
      `alter table ${name} add column bench_claimed_at timestamptz, add column bench_settled_at timestamptz, add column bench_claim bigint`,
    );
    await sql.unsafe(`create trigger bench_times before update on ${name} for each row execute function bench_outbox_times()`);
  }
}

/**
 * The standalone mail worker against the fakes, started once for all phases; resolves when it
 * listens. BENCH_NODE_OPTIONS (e.g. `--cpu-prof --cpu-prof-dir=DIR`) are flags of its node.
 */
async function startWorker(databaseUrl: string, resend: FakeResend, smsapi: FakeSmsapi): Promise<Service> {
  const worker = startService([...benchNodeFlags(), 'mail-worker.mjs'], {
    cwd: STANDALONE,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-bench',
      APP_URL: 'http://127.0.0.1:3000',
      RESEND_API_KEY: 're_bench',
      RESEND_BASE_URL: resend.url,
      SMSAPI_TOKEN: smsapi.token,
      SMSAPI_URL: smsapi.url,
    },
  });
  const deadline = Date.now() + 60_000;
  while (!worker.output().includes('mail worker started')) {
    if (worker.exited() || Date.now() > deadline) {
      await worker.stop();
      throw new Error(`The mail worker did not start:\n${worker.output().slice(-5000)}`);
    }
    await sleep(100);
  }
  return worker;
}

/** Queues `count` activation emails (the app's own render) in one transaction. */
async function queueEmails(database: Database, from: number, count: number): Promise<void> {
  const emails = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      renderActivationEmail({ firstName: 'Zofia', login: `bench.${from + i}`, token: `bench-token-${from + i}`, locale: 'pl' }),
    ),
  );
  await database.db.transaction(async (tx) => {
    for (const [i, email] of emails.entries()) await enqueueEmail(tx, { ...email, recipient: `bench.${from + i}@example.pl` });
  });
}

/** Queues `count` SMS notices in one transaction. */
async function queueSms(database: Database, from: number, count: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueSms(tx, {
        recipient: `+4850${String(1_000_000 + from + i).slice(-7)}`,
        body: renderSms('pl', 'verified', { facility: 'SPZOZ Łęczna', firstName: 'Zofia', portal: 'e-rejestracja.example.pl' }),
        template: 'verified',
      });
    }
  });
}

interface PhaseResult {
  label: string;
  messages: number;
  /** Messages per second, from the first claim to the last outcome (database clock). */
  stats: RunStats;
  claims: number;
}

/**
 * One phase: the messages `queue` adds, counted at the fakes (`expected` requests in all), until
 * no row of the tables is waiting or in flight. Fails unless every row was sent once, at the
 * first attempt, and each provider saw each key once.
 */
async function runPhase(
  label: string,
  sql: postgres.Sql,
  fakes: { resend: FakeResend; smsapi: FakeSmsapi },
  worker: Service,
  expected: { email: number; sms: number },
  queue: () => Promise<void>,
): Promise<PhaseResult> {
  fakes.resend.requests.length = 0;
  fakes.smsapi.reset();
  let meter: ReturnType<typeof cpuMeter> | undefined;
  const startMeter = () => (meter ??= cpuMeter(worker.pid));
  fakes.resend.respond = () => (startMeter(), ok);
  fakes.smsapi.respond = () => (startMeter(), 'ok');
  for (const name of TABLES) await sql.unsafe(`delete from ${name}`);
  await queue();
  const total = expected.email + expected.sms;
  const deadline = performance.now() + 120_000 + total * 50;
  const waiting = async () => {
    const [row] = await sql<{ n: number }[]>`
      select (select count(*) from email_outbox where status in ('pending', 'sending'))
           + (select count(*) from sms_outbox where status in ('pending', 'sending')) as n`;
    return Number(row!.n);
  };
  // The fakes' counts first (no query load on the database while the worker runs), then the rows.
  while (fakes.resend.requests.length + fakes.smsapi.requests.length < total && performance.now() < deadline) await sleep(5);
  while ((await waiting()) > 0 && performance.now() < deadline) await sleep(10);
  const cpu = meter?.stop(total);
  if (performance.now() >= deadline) throw new Error(`${label}: the outbox did not empty in time\n${worker.output().slice(-3000)}`);

  const rows = await sql<{ key: string; status: string; attempts: number; claimed: Date; settled: Date; claim: string }[]>`
    select 'outbox-' || id as key, status, attempts, bench_claimed_at as claimed, bench_settled_at as settled, bench_claim as claim
    from email_outbox
    union all
    select idx, status, attempts, bench_claimed_at, bench_settled_at, bench_claim from sms_outbox`;
  const bad = rows.filter((r) => r.status !== 'sent' || r.attempts !== 1);
  if (rows.length !== total || bad.length > 0)
    throw new Error(`${label}: ${bad.length} of ${rows.length} rows not sent at the first attempt`);
  const deliveries = new Map([...fakes.resend.deliveries(), ...fakes.smsapi.deliveries()]);
  const requests = fakes.resend.requests.length + fakes.smsapi.requests.length;
  if (requests !== total || rows.some((r) => deliveries.get(r.key) !== 1)) {
    throw new Error(`${label}: not exactly once: ${requests} requests for ${total} messages`);
  }
  const first = Math.min(...rows.map((r) => r.claimed.getTime()));
  const last = Math.max(...rows.map((r) => r.settled.getTime()));
  const stats = {
    ...summarize(
      rows.map((r) => r.settled.getTime() - r.claimed.getTime()),
      0,
      (last - first) / 1000,
    ),
    cpu,
  };
  const claims = new Set(rows.map((r) => r.claim)).size;
  console.log(
    `  ${label}: ${total} in ${fmt(stats.seconds, 2)} s = ${fmt(stats.rps)}/s; claim → outcome p50 ${fmt(stats.p50)} ms, p95 ${fmt(stats.p95)} ms; ` +
      `${claims} claims` +
      (cpu
        ? `; CPU ms/message: worker ${fmt(cpu.server, 2)} (event loop ${fmt(cpu.loop, 2)}), PostgreSQL ${fmt(cpu.postgres, 2)}, fakes ${fmt(cpu.client, 2)}`
        : ''),
  );
  return { label, messages: total, stats, claims };
}

main(() =>
  bench('bench:dispatch', async (options, database) => {
    const n = options.messages;
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const app = await openDatabase({ url: database.url, max: 2 });
    // Connections kept open for a minute, as a provider's API does (the tests' 1 s closes each after one request).
    const resend = await startFakeResend({ keepAliveMs: 60_000 });
    const smsapi = await startFakeSmsapi({ keepAliveMs: 60_000 });
    let worker: Service | undefined;
    try {
      await stampClaimsAndOutcomes(sql);
      worker = await startWorker(database.url, resend, smsapi);
      const fakes = { resend, smsapi };
      const w = worker;
      // A short warm-up (JIT, connections, prepared statements), as a worker in service has had.
      await runPhase('warm-up', sql, fakes, w, { email: 200, sms: 200 }, async () => {
        await queueEmails(app, 0, 200);
        await queueSms(app, 0, 200);
      });
      console.log(`${n} messages per channel:`);
      const results = [
        await runPhase('email', sql, fakes, w, { email: n, sms: 0 }, () => queueEmails(app, 1000, n)),
        await runPhase('SMS', sql, fakes, w, { email: 0, sms: n }, () => queueSms(app, 1000, n)),
        await runPhase('email and SMS together', sql, fakes, w, { email: n, sms: n }, async () => {
          await queueEmails(app, 1000 + n, n);
          await queueSms(app, 1000 + n, n);
        }),
      ];
      const rows = results.map((r) => {
        const [worker, loop, postgres, fakes] = cpuCells(r.stats);
        return [
          r.label,
          String(r.messages),
          fmt(r.stats.rps),
          String(r.claims),
          fmt(r.stats.p50),
          fmt(r.stats.p95),
          worker!,
          loop!,
          postgres!,
          fakes!,
        ];
      });
      publish(
        {
          id: 'dispatch',
          title: 'Outbox dispatch to the providers (issue 24)',
          command: 'npm run bench:dispatch',
          body: [
            `${n.toLocaleString('en')} activation emails (the app's own render) and ${n.toLocaleString('en')} SMS notices queued`,
            `in one transaction each through enqueueEmail / enqueueSms, delivered by \`npm run mail:worker\``,
            `(the worker a server also runs, its defaults) to the tests' fake Resend and SMSAPI on`,
            `127.0.0.1, which answer at once; every row sent once at its first attempt, each idempotency`,
            `key and idx seen once by its provider (the bench fails otherwise). Goal: ≥ ${GOAL_PER_SECOND} messages/s per`,
            `channel.`,
            '',
            `Messages per second from the first claim to the last recorded outcome (database clock);`,
            `claims: the claiming transactions it took; claim → outcome: each message's time from its`,
            `claim to its outcome recorded (ms). CPU milliseconds per message: the worker process (all`,
            `threads), its event loop alone, PostgreSQL, and the bench process with the fakes.`,
            '',
            table(
              [
                'phase',
                'messages',
                'messages/s',
                'claims',
                'claim → outcome p50',
                'p95',
                'CPU: worker',
                'event loop',
                'PostgreSQL',
                'fakes',
              ],
              rows,
            ),
          ].join('\n'),
        },
        0,
        options.write,
      );
    } finally {
      await worker?.stop();
      await resend.close();
      await smsapi.close();
      await app.close();
      await sql.end();
    }
  }),
);
