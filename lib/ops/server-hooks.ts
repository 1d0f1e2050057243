// Installed once per server process by instrumentation.ts, after start-up succeeded: request
// timing for /api/metrics and the graceful shutdown (lib/ops/server-process.ts).
import { getDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { stopProcessMailWorker } from '@/lib/mail/mail-worker';
import { installGracefulShutdown, observeHttpRequests } from './server-process';

export function installServerHooks(): void {
  observeHttpRequests();
  installGracefulShutdown({
    timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // The dispatcher stops claiming at once; the sends it has started finish and are recorded.
    stopWork: () => stopProcessMailWorker(),
    release: async () => (await getDatabase()).close(),
  });
}
