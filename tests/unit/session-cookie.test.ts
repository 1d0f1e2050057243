// The session cookie is defined once (lib/auth/session-cookie.ts): Auth.js, given that definition
// as `cookies.sessionToken`, reads the cookie our sign-in writes, under the same name over HTTP
// and HTTPS as its own default.
import { Auth } from '@auth/core';
import { describe, expect, it } from 'vitest';
import { isSessionCookie, sessionCookieFor } from '@/lib/auth/session-cookie';
import { decode, encode } from '@/lib/auth/session-jwt';

const secret = 'a-test-secret-a-test-secret-a-test-secret';
const token = { sub: '2f1c1a52-0d0e-4a0c-9c38-0d3a0c2e7b11', role: 'patient', ver: 3, sid: 'e1b0c8f4-3a7e-4d43-9a53-8f5a3d1c2b10' };

/** Auth.js's answer to a session request from a browser holding `cookie`, with our definition configured. */
async function authJsSession(origin: string, secure: boolean, cookie: string): Promise<unknown> {
  const response = await Auth(new Request(`${origin}/api/auth/session`, { headers: { cookie } }), {
    secret,
    trustHost: true,
    basePath: '/api/auth',
    providers: [],
    session: { strategy: 'jwt' },
    jwt: { encode, decode },
    cookies: { sessionToken: sessionCookieFor(secure) },
    callbacks: { session: ({ session, token }) => ({ ...session, sid: token.sid }) },
  });
  return response.json();
}

describe('the session cookie', () => {
  it("has Auth.js's default names and options: __Secure- and Secure over HTTPS only, HttpOnly, SameSite=Lax, the whole site", () => {
    expect(sessionCookieFor(false)).toEqual({
      name: 'authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false },
    });
    expect(sessionCookieFor(true)).toEqual({
      name: '__Secure-authjs.session-token',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: true },
    });
  });

  it('is read by Auth.js under the configured name, salted by it, whatever the address Auth.js sees', async () => {
    for (const origin of ['http://localhost:3000', 'https://e-rejestracja.example.pl']) {
      for (const secure of [false, true]) {
        const { name } = sessionCookieFor(secure);
        const value = await encode({ token, secret, salt: name, maxAge: 600 });
        expect(await authJsSession(origin, secure, `${name}=${value}`), `${origin} ${name}`).toMatchObject({ sid: token.sid });
        // The other name is not this request's session cookie.
        expect(await authJsSession(origin, secure, `${sessionCookieFor(!secure).name}=${value}`), `${origin} ${name}`).toBeNull();
      }
    }
  });

  it('is told from other cookies whole or in chunks, over HTTP and HTTPS', () => {
    for (const name of [
      'authjs.session-token',
      '__Secure-authjs.session-token',
      'authjs.session-token.0',
      '__Secure-authjs.session-token.12',
    ]) {
      expect(isSessionCookie(name), name).toBe(true);
    }
    for (const name of ['authjs.csrf-token', 'authjs.session-token.x', 'x-authjs.session-token', '__Host-authjs.session-token', 'lang']) {
      expect(isSessionCookie(name), name).toBe(false);
    }
  });
});
