// GET /account/data/download — the signed-in patient's data as a JSON file (RODO art. 20), named
// in the request's language.
import { getDb } from '@/db/client';
import { exportMyData } from '@/lib/account/my-data';
import { currentPatientId } from '@/lib/auth/auth';
import { words } from '@/lib/i18n/words';

/** An attachment's header; a name beyond plain ASCII (Ukrainian) also goes as RFC 6266 `filename*`. */
function attachment(name: string, asciiFallback: string): string {
  if (/^[\x20-\x7e]+$/.test(name) && !/["\\]/.test(name)) return `attachment; filename="${name}"`;
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function GET(): Promise<Response> {
  const accountId = await currentPatientId();
  if (!accountId) return new Response(null, { status: 307, headers: { location: '/login' } });
  const data = await exportMyData(await getDb(), accountId);
  if (!data) return new Response(null, { status: 307, headers: { location: '/login' } });
  const day = data.generatedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': attachment((await words()).selfService.data.fileName(day), `e-rejestracja-${day}.json`),
      'cache-control': 'no-store',
    },
  });
}
