// Applies the drizzle-kit migrations in db/migrations, on PostgreSQL or PGlite.
import path from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same in every instance starting at once.
const MIGRATION_LOCK = 727_001;

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // A 'pglite' database is the one drizzle-orm/pglite made (db/client.ts), typed as any Db there.
    await migrate(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // Several app instances may start together: one migrates while the others wait on the lock,
  // held on one dedicated connection.
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}
