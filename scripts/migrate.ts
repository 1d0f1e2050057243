// npm run db:migrate — applies migrations to DATABASE_URL, or to PGlite when it is unset.
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const database = await getDatabase();
await migrateDatabase(database);
await database.close();
console.log(`Migrations applied (${database.kind}).`);
