// Whether the cookies set in answer to a request are Secure: one decision for every cookie of
// ours — the session (whose `__Secure-` name Auth.js is given, lib/auth/session-cookie.ts), the
// sign-in step, login.gov.pl's and the language cookies. HTTPS is what X-Forwarded-Proto says (a
// TLS proxy sets it; Next sets `http` on a plain request), HTTPS when nothing says it.
import { headers } from 'next/headers';

/** Whether a request with these headers came over HTTPS. */
export function isSecureRequest(requestHeaders: Headers): boolean {
  return (requestHeaders.get('x-forwarded-proto') ?? 'https') === 'https';
}

/** Whether the cookies of the current request's answer are Secure. */
export async function secureCookies(): Promise<boolean> {
  return isSecureRequest(await headers());
}
