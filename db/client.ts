// The one database module: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The connection string, for PostgreSQL. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string;
  /** PGlite data directory; `memory://` (or undefined with no url) keeps it in memory. */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: 'e-rejestracja' },
    });
    return { db: drizzle({ client, schema }) as unknown as Db, kind: 'postgres', url: options.url, close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { citext } = await import('@electric-sql/pglite/contrib/citext');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (options.dataDir && !options.dataDir.startsWith('memory://')) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(options.dataDir, { recursive: true });
  }
  // citext: logins and emails (db/schema.ts); the migration creates the extension from it.
  const client = await PGlite.create(options.dataDir, { extensions: { citext } });
  return { db: drizzle({ client, schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
}

// One instance per process: kept on globalThis so that Next's hot reload and its separately
// bundled entry points (instrumentation, routes) share it. PGlite allows one opener per folder.
const globalForDb = globalThis as unknown as { __erejestracjaDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  globalForDb.__erejestracjaDb ??= (async () => {
    const { env } = await import('@/lib/env');
    return openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
  })();
  return globalForDb.__erejestracjaDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
