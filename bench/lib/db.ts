// A throwaway PostgreSQL database per run: created on the local server, migrated, seeded with
// generate_series, dropped at the end (also on Ctrl-C).
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createPostgresDatabase } from '../../tests/helpers/databases';

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(baseUrl: string): Promise<BenchDatabase> {
  // The test suite's throwaway databases (local servers only), dropped once even if asked twice.
  const created = await createPostgresDatabase(baseUrl);
  const name = new URL(created.url).pathname.slice(1);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await created.drop();
  };
  onExit(drop);
  const database = await openDatabase({ url: created.url, max: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return { url: created.url, name, drop };
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
