// Benchmark of the verification queue with a million patients on PostgreSQL.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:queue
// Creates a throwaway database on that server, fills it with generate_series, and times the
// queue's queries (median and p95 of repeated runs). Prints a Markdown table for BENCHMARKS.md.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { countByStatus, countByStatusNow, listQueue } from '@/lib/staff/verification-queue';
import { createPostgresDatabase } from '../tests/helpers/databases';

const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!base) {
  console.error('Set BENCH_DATABASE_URL to a local PostgreSQL server (a throwaway database is created there).');
  process.exit(2);
}
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const created = await createPostgresDatabase(base);
const database = await openDatabase({ url: created.url, max: 4 });
try {
  await migrateDatabase(database);
  const db = database.db;
  const t0 = performance.now();
  await db.execute(sql`
    insert into patients (id, pesel, first_name, last_name, first_name_key, last_name_key, birth_date, house_number, postal_code, city, source, created_at)
    select md5('p' || i)::uuid, lpad(i::text, 11, '0'), 'Jan', 'Nazwisko' || (i % 50000), 'jan', 'nazwisko' || (i % 50000),
           date '1950-01-01' + (i % 20000), '1', '21-010', 'Łęczna', 'import', now() - (i || ' seconds')::interval
    from generate_series(1, ${ROWS}) as i`);
  await db.execute(sql`
    insert into web_accounts (id, patient_id, login, email, status, submitted, created_at)
    select md5('a' || i)::uuid, md5('p' || i)::uuid, 'login' || i, 'user' || i || '@example.pl',
           (array['pending_activation', 'active', 'active', 'verified', 'verified', 'verified', 'blocked'])[1 + i % 7],
           '{}'::jsonb, now() - (i || ' seconds')::interval
    from generate_series(1, ${ROWS}) as i`);
  await db.execute(sql`analyze`);
  const fillSeconds = ((performance.now() - t0) / 1000).toFixed(0);

  async function time(name: string, run: () => Promise<unknown>) {
    await run(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    return `| ${name} | ${at(0.5)} | ${at(0.95)} |`;
  }

  // A cursor deep in the list: page through once to about the 20 000th row.
  let deep: string | undefined;
  for (let i = 0; i < 800; i++) deep = (await listQueue(db, { after: deep })).next ?? deep;

  const rows = [
    await time('first page, waiting accounts', () => listQueue(db, {})),
    await time('page 801 (keyset cursor, ~20 000 rows in)', () => listQueue(db, { after: deep })),
    await time('search by PESEL', () => listQueue(db, { query: lpad(123456), filter: 'all' })),
    await time('search by login prefix', () => listQueue(db, { query: 'login12345', filter: 'all' })),
    await time('search by email prefix', () => listQueue(db, { query: 'user4242@', filter: 'all' })),
    await time('search by surname prefix', () => listQueue(db, { query: 'nazwisko4999', filter: 'all' })),
    await time('search by first and last name', () => listQueue(db, { query: 'Jan Nazwisko123', filter: 'all' })),
    await time('counts by status, as the page gets them (cached 30 s)', () => countByStatus(db)),
    await time('counts by status, uncached (once per 30 s per instance)', () => countByStatusNow(db)),
  ];
  console.log(`\n${ROWS.toLocaleString('en')} patients and accounts (filled in ${fillSeconds} s), ${RUNS} runs each, times in ms:\n`);
  console.log('| query | median | p95 |\n|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await database.close();
  await created.drop();
}

function lpad(n: number) {
  return String(n).padStart(11, '0');
}
