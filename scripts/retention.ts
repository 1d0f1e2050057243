// npm run retention — applies the data-retention rules once (lib/retention/retention.ts) to
// DATABASE_URL, or to PGlite when it is unset, and prints what it removed (counts only).
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { runRetention } from '@/lib/retention/retention';

const database = await getDatabase();
await migrateDatabase(database);
const counts = await runRetention(database.db);
await database.close();
for (const [rule, n] of Object.entries(counts)) console.log(`${rule}: ${n}`);
