// Whether the cookies set in answer to a request are Secure: one decision for every cookie of
// ours, and it is Auth.js's own (AUTH_URL when set, else the protocol the request came by as the
// proxy forwarded it), because Auth.js derives the session cookie's `__Secure-` name the same way
// when it reads it. So the session, the sign-in step, login.gov.pl's and the language cookies agree.
import { createActionURL } from '@auth/core';
import { headers } from 'next/headers';

/** Whether a request with these headers came over HTTPS, as Auth.js tells. */
export function isSecureRequest(requestHeaders: Headers): boolean {
  const url = createActionURL('session', requestHeaders.get('x-forwarded-proto') ?? 'https', requestHeaders, process.env, {});
  return url.protocol === 'https:';
}

/** Whether the cookies of the current request's answer are Secure. */
export async function secureCookies(): Promise<boolean> {
  return isSecureRequest(await headers());
}
