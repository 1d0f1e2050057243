// Readiness (issue 14): 200 when PostgreSQL answers, the migrations are applied and the mail
// dispatcher runs; 503 otherwise and from the moment the process is told to stop, so that a load
// balancer sends new traffic elsewhere. Not rate-limited, not behind proxy.ts. Anyone may ask
// whether the instance is ready; which check failed (migration counts, the mail configuration)
// is internal state, told only with the metrics token (`Authorization: Bearer $METRICS_TOKEN`).
import { getDatabase } from '@/db/client';
import { env } from '@/lib/env';
import { configuredSender } from '@/lib/mail/mail-worker';
import { bearerTokenMatches } from '@/lib/ops/bearer';
import { dispatcherLastRunAt } from '@/lib/metrics';
import { checkReadiness } from '@/lib/ops/readiness';
import { isStopping } from '@/lib/ops/server-process';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const db = await getDatabase().then(
    (d) => d.db,
    () => undefined,
  );
  const report = await checkReadiness({
    db,
    stopping: isStopping(),
    mail: configuredSender() ? { pollMs: env.MAIL_POLL_MS, lastRunAt: dispatcherLastRunAt() } : null,
  });
  const detailed = !!env.METRICS_TOKEN && bearerTokenMatches(request.headers.get('authorization'), env.METRICS_TOKEN);
  return Response.json(detailed ? report : { status: report.status }, {
    status: report.status === 'ready' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
