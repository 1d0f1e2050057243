// A throwaway PostgreSQL database per run: created on the local server, migrated, seeded with
// generate_series, dropped at the end (also on Ctrl-C).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) throw new Error(`Refusing to create databases on ${host}: local only`);
}

export async function createBenchDatabase(baseUrl: string): Promise<BenchDatabase> {
  assertLocal(baseUrl);
  const name = `erej_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const again = postgres(baseUrl, { max: 1, onnotice: () => {} });
    try {
      await again.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await again.end();
    }
  };
  onExit(drop);
  const database = await openDatabase({ url: url.toString(), max: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return { url: url.toString(), name, drop };
}

/**
 * Existing patients with web accounts, numbered from `from` to `to`: PESELs that are not valid
 * (so they never meet a generated one), logins `seed<i>`. Accounts are `active` with
 * `passwordHash` when given (sign-in), else waiting for the desk like a queue would be.
 */
export async function seedPatients(url: string, from: number, to: number, passwordHash: string | null = null): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into patients (id, pesel, first_name, last_name, first_name_key, last_name_key, birth_date, house_number, postal_code, city, source, created_at)
      select md5('p' || i)::uuid, lpad(i::text, 11, '0'), 'Jan', 'Nazwisko' || (i % 50000), 'jan', 'nazwisko' || (i % 50000),
             date '1950-01-01' + (i % 20000), '1', '21-010', 'Łęczna', 'import', now() - (i || ' seconds')::interval
      from generate_series(${from}::int, ${to}::int) as i`;
    await sql`
      insert into web_accounts (id, patient_id, login, email, status, password_hash, submitted, created_at, activated_at)
      select md5('a' || i)::uuid, md5('p' || i)::uuid, 'seed' || i, 'seed' || i || '@example.pl',
             ${passwordHash ? 'active' : 'verified'}, ${passwordHash}, '{}'::jsonb, now() - (i || ' seconds')::interval,
             ${passwordHash ? sql`now()` : null}
      from generate_series(${from}::int, ${to}::int) as i`;
    await sql`analyze`;
  } finally {
    await sql.end();
  }
}

const cleanups: Array<() => Promise<void>> = [];
let installed = false;

/** Runs `cleanup` when the process is interrupted (the normal path calls it itself). */
export function onExit(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up`);
      void Promise.allSettled(cleanups.reverse().map((c) => c())).then(() => process.exit(130));
    });
  }
}
