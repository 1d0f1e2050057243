// The session cookie, defined once: its name and options per request (sessionCookie), given to
// Auth.js as `cookies.sessionToken` (auth.ts), which reads and ends it with them, and used by
// our sign-in to write it (writeSessionCookie) — the token Auth.js's `jwt` callback checks,
// encoded as Auth.js encodes it (session-jwt.ts, salted by the cookie's name). Sign-in does not go
// through Auth.js: `signIn()` from a server action rebuilt the request, ran Auth.js's whole
// request handling and a credentials provider only to set this one cookie.
import { cookies } from 'next/headers';
import { secureCookies } from '@/lib/web/secure-cookies';
import type { Role } from './authenticate';
import { encode } from './session-jwt';

/** The cookie's own lifetime; the real limits are per role in auth_sessions. */
export const SESSION_COOKIE_MAX_AGE = 12 * 3600;

/** A signed-in principal and its auth_sessions row. */
export interface SessionGrant {
  id: string;
  role: Role;
  ver: number;
  sid: string;
}

/** The token the session cookie carries (what auth.ts's `jwt` callback checks on every request). */
const sessionToken = (grant: SessionGrant) => ({ sub: grant.id, role: grant.role, ver: grant.ver, sid: grant.sid });

/** Auth.js's default name and options: `__Secure-` and Secure over HTTPS, HttpOnly, SameSite=Lax. */
export function sessionCookieFor(secure: boolean) {
  return {
    name: `${secure ? '__Secure-' : ''}authjs.session-token`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}

/** The session cookie of this request: Secure as every cookie of ours is (lib/web/secure-cookies.ts). */
export async function sessionCookie() {
  return sessionCookieFor(await secureCookies());
}

const SESSION_COOKIE_NAMES = [sessionCookieFor(false).name, sessionCookieFor(true).name];

/** Whether a request's cookie is a session cookie, over HTTP or HTTPS, whole or in chunks (`.0`, `.1`, …). */
export const isSessionCookie = (name: string) => SESSION_COOKIE_NAMES.includes(name.replace(/\.\d+$/, ''));

/** Sets the session cookie on the response of the current action. */
export async function writeSessionCookie(secret: string, grant: SessionGrant, now = Date.now()): Promise<void> {
  const { name, options } = await sessionCookie();
  const value = await encode({ token: sessionToken(grant), secret, salt: name, maxAge: SESSION_COOKIE_MAX_AGE });
  (await cookies()).set(name, value, { ...options, expires: new Date(now + SESSION_COOKIE_MAX_AGE * 1000) });
}
