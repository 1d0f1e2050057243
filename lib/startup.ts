// Once per server process: bring the schema up to date and, in development, add demo data.
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { env } from './env';
import { logInfo } from './log';

export async function onServerStart(): Promise<void> {
  const database = await getDatabase();
  await migrateDatabase(database);
  if (env.DEMO_SEED && (await seedDemoData(database.db))) logInfo('demo data seeded');
  logInfo('server ready', { database: database.kind });
}
