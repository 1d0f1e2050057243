// Once per server process: bring the schema up to date and, in development, add demo data.
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { ConfigurationError, env, loadEnv } from './env';
import { configuredSender, startProcessMailWorker } from './mail/mail-worker';
import { configuredSmsSender } from './sms/smsapi-sender';
import { logError, logInfo } from './log';
import { runRetention } from './retention/retention';
import type { Db } from '@/db/client';

/** Starts the server's background work, or ends the process when it cannot serve safely. */
export async function startServer(): Promise<void> {
  try {
    await onServerStart();
  } catch (error) {
    // Invalid configuration (say, no AUTH_SECRET in production) or no database: refuse to serve.
    // Our configuration message is safe to print; others may quote data, so they are logged.
    const message = error instanceof ConfigurationError ? error.message : 'see the error logged above';
    if (!(error instanceof ConfigurationError)) logError('startup failed', error);
    console.error(`E-Rejestracja cannot start: ${message}`);
    process.exit(1);
  }
}

async function onServerStart(): Promise<void> {
  loadEnv(); // throws on invalid configuration, before anything else happens
  const database = await getDatabase();
  await migrateDatabase(database);
  if (env.DEMO_SEED) await seedDemoData(database.db);
  logInfo('server ready', { database: database.kind });
  schedulePurge(database.db);
  const sender = configuredSender();
  const sms = configuredSmsSender();
  if (sender || sms) await startProcessMailWorker(database, sender, { sms });
  if (!sender) logInfo('no RESEND_API_KEY: emails stay in the outbox (/dev/mail)');
  if (!sms) logInfo('no SMSAPI_TOKEN: SMS stay in the outbox (/dev/mail)');
}

// The demo seed carries the demo staff's passwords, so only `next dev` loads it. Next replaces
// process.env.NODE_ENV when it builds, so a production bundle has neither this branch nor the
// module it imports; there the demo data is added by `npm run db:seed` before the server starts.
async function seedDemoData(db: Db) {
  if (process.env.NODE_ENV === 'development') {
    const demo = await import('./demo/seed');
    if (await demo.seedDemoData(db)) logInfo('demo data seeded');
  } else {
    logInfo('DEMO_SEED: a production build has no demo data; add it with npm run db:seed');
  }
}

// Data is kept no longer than lib/retention/retention.ts allows: a run at start and then every
// RETENTION_INTERVAL_HOURS (0: only `npm run retention`).
function schedulePurge(db: Db) {
  if (env.RETENTION_INTERVAL_HOURS <= 0) return;
  // Not awaited: start-up does not wait for a purge, and a failed run is logged and retried at the
  // next interval.
  const purge = () => void runRetention(db).catch((error) => logError('retention failed', error));
  purge();
  setInterval(purge, env.RETENTION_INTERVAL_HOURS * 3600_000).unref();
}
