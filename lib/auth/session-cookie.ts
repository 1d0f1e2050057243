// The session cookie of a finished sign-in, written as Auth.js's credentials callback wrote it
// (the same name, options and lifetime, the token its `jwt` callback made, encoded by
// session-jwt.ts), but without Auth.js's internal request: `signIn()` from a server action
// rebuilt the request, ran Auth.js's whole request handling and a credentials provider only to
// set this one cookie. Auth.js still reads the cookie (`auth()`) and signs out with it.
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

/** The cookie's name as Auth.js derives it for this request (`__Secure-` over HTTPS), exactly as `auth()` will when it reads it. */
async function sessionCookieName(): Promise<{ name: string; secure: boolean }> {
  const secure = await secureCookies();
  return { name: `${secure ? '__Secure-' : ''}authjs.session-token`, secure };
}

/** Sets the session cookie on the response of the current action. */
export async function writeSessionCookie(secret: string, grant: SessionGrant, now = Date.now()): Promise<void> {
  const { name, secure } = await sessionCookieName();
  const value = await encode({ token: sessionToken(grant), secret, salt: name, maxAge: SESSION_COOKIE_MAX_AGE });
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    expires: new Date(now + SESSION_COOKIE_MAX_AGE * 1000),
  });
}
