// npm run db:seed — applies the migrations and adds the demo data (lib/demo/seed.ts) to
// DATABASE_URL, or to PGlite when it is unset; a database that already has patients is left
// alone. Run it before the server starts: a running server holds PGlite's folder.
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/lib/demo/seed';

const database = await getDatabase();
try {
  await migrateDatabase(database);
  const seeded = await seedDemoData(database.db);
  console.log(
    seeded ? `Demo data added (${database.kind}).` : `Demo data not added: the database already has patients (${database.kind}).`,
  );
} finally {
  await database.close();
}
