// The "password accepted, second factor outstanding" state, in a signed HttpOnly cookie that
// lives a few minutes. It is not a session: no page or action accepts it as one.
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { secureCookies } from '@/lib/web/secure-cookies';
import { PENDING_TTL_MS, type PendingSignIn } from './sign-in-flow';
import { seal, unseal } from './signed-payload';

const COOKIE = 'erej-sign-in';

export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  return unseal<PendingSignIn>(env.AUTH_SECRET, 'mfa-pending', (await cookies()).get(COOKIE)?.value);
}

export async function writePendingSignIn(pending: PendingSignIn): Promise<void> {
  (await cookies()).set(COOKIE, seal(env.AUTH_SECRET, 'mfa-pending', pending, PENDING_TTL_MS), {
    httpOnly: true,
    sameSite: 'lax',
    secure: await secureCookies(),
    path: '/login',
    maxAge: PENDING_TTL_MS / 1000,
  });
}

export async function clearPendingSignIn(): Promise<void> {
  (await cookies()).set(COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: await secureCookies(),
    path: '/login',
    maxAge: 0,
  });
}
