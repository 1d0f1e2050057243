// Prometheus metrics (issue 14, SPEC §16): only with `Authorization: Bearer $METRICS_TOKEN`, and
// not there at all (404) when no token is configured.
import { env } from '@/lib/env';
import { renderMetrics } from '@/lib/metrics';
import { bearerTokenMatches } from '@/lib/ops/bearer';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const token = env.METRICS_TOKEN;
  if (!token) return new Response('Not Found', { status: 404 });
  if (!bearerTokenMatches(request.headers.get('authorization'), token)) {
    return new Response('Unauthorized', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' },
    });
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
