// The cookie that ties a started login.gov.pl request to the browser that started it: the answer
// is accepted only in that browser (an attacker's own answer cannot sign a victim in). The node
// may come back with a cross-site POST, which carries only a SameSite=None cookie: so over HTTPS
// it is None (and Secure); over plain HTTP (development) Lax, as the simulator is same-site.
import { secureCookies } from '@/lib/web/secure-cookies';

export const WK_REQUEST_COOKIE = 'erej-wk-request';
export const WK_HANDLE_COOKIE = 'erej-wk-identity';

export async function requestCookieOptions(ttlMs: number) {
  const https = await secureCookies();
  return {
    httpOnly: true,
    secure: https,
    sameSite: https ? ('none' as const) : ('lax' as const),
    path: '/api/wk/acs',
    maxAge: Math.floor(ttlMs / 1000),
  };
}

/**
 * The held identity's handle: read by /register and its action only. A session cookie (gone with
 * the browser), the identity behind it short-lived (HANDLE_TTL_MS) and dropped by "To nie ja":
 * on a shared computer the next person must not find the previous one's PESEL in the form.
 */
export async function handleCookieOptions(clear = false) {
  return {
    httpOnly: true,
    secure: await secureCookies(),
    sameSite: 'lax' as const,
    path: '/register',
    ...(clear ? { maxAge: 0 } : {}),
  };
}
