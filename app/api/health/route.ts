// Liveness (issue 14): the process answers. Nothing is checked and nothing personal is said, so
// a supervisor restarts the process only when it is truly stuck; /api/ready says whether it
// should get traffic.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
}
