// GET /account/data/download — the signed-in patient's data as a JSON file (RODO art. 20).
import { getDb } from '@/db/client';
import { exportMyData } from '@/lib/account/my-data';
import { currentPatientId } from '@/lib/auth/auth';

export async function GET(): Promise<Response> {
  const accountId = await currentPatientId();
  if (!accountId) return new Response(null, { status: 307, headers: { location: '/login' } });
  const data = await exportMyData(await getDb(), accountId);
  if (!data) return new Response(null, { status: 307, headers: { location: '/login' } });
  const day = data.generatedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="moje-dane-e-rejestracja-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
}
