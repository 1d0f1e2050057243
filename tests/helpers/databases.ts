// Integration tests run against every database this machine offers: PGlite always, and a real
// PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set. Each opened database is new.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

export interface TestDatabase extends Database {
  /** Closes the connection and throws the database away. */
  dispose(): Promise<void>;
}

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to create test databases on a non-local server (${host})`);
  }
}

export async function createPostgresDatabase(baseUrl = postgresUrl): Promise<{ url: string; drop(): Promise<void> }> {
  assertLocal(baseUrl);
  const name = `erej_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

export async function openTestDatabase(kind: 'pglite' | 'postgres', options: { max?: number } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    return { ...database, dispose: () => database.close() };
  }
  const created = await createPostgresDatabase();
  const database = await openDatabase({ url: created.url, max: options.max ?? 25 });
  await migrateDatabase(database);
  return {
    ...database,
    async dispose() {
      await database.close();
      await created.drop();
    },
  };
}

const databaseKinds: Array<'pglite' | 'postgres'> = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/** `describe` once per available database. */
export function describeEachDatabase(title: string, body: (kind: 'pglite' | 'postgres') => void) {
  for (const kind of databaseKinds) describe(`${title} [${kind}]`, () => body(kind));
}

/** `describe` that runs only on a real PostgreSQL (concurrency needs several connections). */
export const describePostgres = postgresUrl ? describe : describe.skip;
