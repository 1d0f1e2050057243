// npm run mail:worker — delivers the outbox from a separate process (any number may run).
import { getDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { logInfo } from '@/lib/log';
import { configuredSender, startProcessMailWorker, stopProcessMailWorker } from '@/lib/mail/mail-worker';
import { configuredSmsSender } from '@/lib/sms/smsapi-sender';

const sender = configuredSender();
const sms = configuredSmsSender();
if (!sender && !sms) {
  console.error('Neither RESEND_API_KEY nor SMSAPI_TOKEN is set: there is nothing to deliver to (messages stay in the outboxes).');
  process.exit(2);
}
const database = await getDatabase();
await migrateDatabase(database);
await startProcessMailWorker(database, sender, { sms });

async function shutdown(signal: string) {
  logInfo('mail worker stopping', { signal });
  await stopProcessMailWorker();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
