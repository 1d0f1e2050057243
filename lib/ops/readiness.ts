// Whether this instance should get traffic (/api/ready): the database answers, every migration of
// this build is applied, and the mail dispatcher (when this process runs one) has looked for due
// messages recently. The report names checks and numbers only, never data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { migrationsFolder } from '@/db/migrate';
import { logError } from '@/lib/log';

export interface CheckResult {
  ok: boolean;
  [detail: string]: string | number | boolean | null;
}

export interface ReadinessReport {
  status: 'ready' | 'not ready' | 'stopping';
  checks: { database: CheckResult; migrations: CheckResult; mail: CheckResult };
}

export interface ReadinessInput {
  /** Undefined when the database could not even be opened. */
  db: Db | undefined;
  stopping: boolean;
  /** Null when this process runs no dispatcher (no RESEND_API_KEY: mail stays in the outbox). */
  mail: { pollMs: number; lastRunAt: number | null } | null;
  now?: number;
  timeoutMs?: number;
}

let journal: { count: number; last: number } | undefined;

/** The migrations this build ships (db/migrations/meta/_journal.json). */
export function expectedMigrations(folder = migrationsFolder): { count: number; last: number } {
  if (journal && folder === migrationsFolder) return journal;
  const entries = (JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> })
    .entries;
  const found = { count: entries.length, last: Math.max(0, ...entries.map((e) => e.when)) };
  if (folder === migrationsFolder) journal = found;
  return found;
}

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(result)) return result as Array<Record<string, unknown>>; // postgres.js
  return (result as { rows?: Array<Record<string, unknown>> }).rows ?? []; // PGlite
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** How long the dispatcher may be quiet: a few polls, and never less than a minute (slow sends). */
export const dispatcherQuietLimitMs = (pollMs: number) => Math.max(60_000, 3 * pollMs);

export async function checkReadiness(input: ReadinessInput): Promise<ReadinessReport> {
  const now = input.now ?? Date.now();
  const timeoutMs = input.timeoutMs ?? 3000;
  const database: CheckResult = { ok: false };
  const migrations: CheckResult = { ok: false };

  if (input.db) {
    const started = performance.now();
    try {
      await withTimeout(input.db.execute(sql`select 1`), timeoutMs);
      database.ok = true;
      database.ms = Math.round(performance.now() - started);
    } catch (error) {
      database.error = error instanceof Error && error.message === 'timed out' ? 'timeout' : 'unreachable';
      logError('readiness: database check failed', error);
    }
  } else {
    database.error = 'not open';
  }

  const expected = expectedMigrations();
  migrations.expected = expected.count;
  if (database.ok) {
    try {
      const [row] = rowsOf(
        await withTimeout(
          input.db!.execute(
            sql`select count(*)::int as applied, coalesce(max(created_at), 0)::float8 as last from drizzle.__drizzle_migrations`,
          ),
          timeoutMs,
        ),
      );
      const applied = Number(row?.applied ?? 0);
      migrations.applied = applied;
      // drizzle's migrator applies every journal entry newer than the newest applied one.
      migrations.ok = applied >= expected.count && Number(row?.last ?? 0) >= expected.last;
    } catch {
      migrations.applied = 0;
      migrations.error = 'no migrations table';
    }
  } else {
    migrations.error = 'database unreachable';
  }

  let mail: CheckResult;
  if (!input.mail) {
    mail = { ok: true, dispatcher: 'off (no RESEND_API_KEY: messages stay in the outbox)' };
  } else {
    const quiet = input.mail.lastRunAt === null ? null : Math.round((now - input.mail.lastRunAt) / 1000);
    mail = {
      ok: quiet !== null && quiet * 1000 <= dispatcherQuietLimitMs(input.mail.pollMs),
      dispatcher: 'on',
      lastRunSecondsAgo: quiet,
    };
  }

  const ok = database.ok && migrations.ok && mail.ok;
  return { status: input.stopping ? 'stopping' : ok ? 'ready' : 'not ready', checks: { database, migrations, mail } };
}
