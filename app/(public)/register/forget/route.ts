// POST /register/forget, "To nie ja": the person on /register is not the one login.gov.pl named (a shared
// computer, a family member's sign-in): the held identity is dropped and the empty form shown.
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { spendHeldIdentity } from '@/lib/wk/held-identity';
import { WK_HANDLE_COOKIE, handleCookieOptions } from '@/lib/wk/request-cookie';

export const dynamic = 'force-dynamic';

export async function POST(): Promise<Response> {
  const jar = await cookies();
  const handle = jar.get(WK_HANDLE_COOKIE)?.value;
  if (handle && handle.length <= 100) await spendHeldIdentity(await getDb(), handle);
  jar.set(WK_HANDLE_COOKIE, '', await handleCookieOptions(true));
  return new Response(null, { status: 303, headers: { location: '/register', 'cache-control': 'no-store' } });
}
