// The floors the app is measured against, in the same run and at the same concurrency:
// - sign-in: argon2.verify with the app's own parameters (lib/auth/password-hash.ts), on the
//   same libuv thread pool size a server has; and a bare Next app's sign-in action
//   (bench/bare-page/app/sign-in: one row by primary key, argon2.verify, a cookie, the 303),
//   whose rows seedFloorAccounts writes;
// - registration: the SQL statements a registration post issues — the two rate-limit checks of
//   handleRegistration and registerPatient's transaction, recorded from the code itself and
//   replayed statement for statement (bench/lib/registration-sql.ts) — sent straight through
//   postgres.js, no HTTP, no rendering, no ORM.
import argon2 from 'argon2';
import postgres from 'postgres';
import { HASH_OPTIONS } from '@/lib/auth/password-hash';
import { BENCH_PASSWORD } from './flows';
import { runLevels } from './load';
import { checkReplay, configureLikeTheApp, recordRegistration, replayRegistration } from './registration-sql';
import type { RunStats } from './stats';

/** A hash of the bench password with the app's parameters (also what seeded accounts carry). */
export const benchHash = () => argon2.hash(BENCH_PASSWORD, HASH_OPTIONS);

/**
 * The bare sign-in's accounts: `seed1` … `seed<count>` (the app's bench logins) with `hash`, in a
 * table of their own keyed by the login, in the bench's database.
 */
export async function seedFloorAccounts(url: string, count: number, hash: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`create table floor_accounts (login text primary key, password_hash text not null)`;
    await sql`insert into floor_accounts select 'seed' || i, ${hash} from generate_series(1, ${count}::int) as i`;
    await sql`analyze floor_accounts`;
  } finally {
    await sql.end();
  }
}

export async function argonFloor(levels: readonly number[], seconds: number): Promise<Map<number, RunStats>> {
  const hash = await benchHash();
  return runLevels(
    levels,
    seconds,
    async () => {
      if (!(await argon2.verify(hash, BENCH_PASSWORD))) throw new Error('argon2.verify said no');
    },
    { label: 'argon2.verify ', warmupSeconds: 1 },
  );
}

/** Registrants the floor records through the code, numbered past any the runs reach. */
const RECORDED = 24_000_000;

/**
 * Registrations by SQL alone at each level, on the database at `url` with a pool the size of
 * the app's (10): two registrations are recorded through the code first, and the run stops
 * before measuring if replaying one would not send what the code sent for the other.
 */
export async function registrationSqlFloor(url: string, levels: readonly number[], seconds: number): Promise<Map<number, RunStats>> {
  const sql = configureLikeTheApp(postgres(url, { max: 10, onnotice: () => {} }));
  try {
    const recording = await recordRegistration(sql, RECORDED + 1);
    checkReplay(recording, await recordRegistration(sql, RECORDED + 2));
    return await runLevels(levels, seconds, (n) => replayRegistration(sql, recording, n), { label: 'SQL floor ', warmupSeconds: 1 });
  } finally {
    await sql.end();
  }
}
