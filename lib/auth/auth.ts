// Auth.js v5. Sign-in happens in our own server actions (password, then the second factor when
// there is one), which write the session cookie in Auth.js's own format (session-cookie.ts, the
// one definition of its name and options, given to Auth.js below); Auth.js reads it on every
// request and signs out with it. The cookie (an encrypted JWT) names a
// row of auth_sessions, which is checked on every request (lib/auth/sessions.ts): idle and
// absolute timeouts, sign-out and revocation hold everywhere.
import { cookies } from 'next/headers';
import { cache } from 'react';
import NextAuth from 'next-auth';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { authLogger } from './auth-logger';
import type { Role } from './authenticate';
import { SESSION_COOKIE_MAX_AGE, isSessionCookie, sessionCookie } from './session-cookie';
import { decode, encode } from './session-jwt';
import { recordStaffEvent } from './sign-in-events';
import { checkSession, endSession, type SessionEnd } from './sessions';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role };
    sid?: string;
    ended?: SessionEnd;
  }
}

const ROLES: Role[] = ['patient', 'registrar', 'admin'];

export const { auth, signOut } = NextAuth(async () => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  logger: authLogger,
  session: { strategy: 'jwt', maxAge: SESSION_COOKIE_MAX_AGE },
  // Read and ended under the name and options our sign-in writes it with.
  cookies: { sessionToken: await sessionCookie() },
  // Auth.js's own cookie format, with each derived key kept for the process.
  jwt: { encode, decode },
  pages: { signIn: '/login', error: '/login' },
  // No provider: sign-in is ours; Auth.js's own sign-in and callback routes have nothing to do.
  providers: [],
  events: {
    // Signing out ends this session on the server too, not only this browser's cookie.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (typeof token?.sid === 'string') await endSession(await getDb(), token.sid, 'signed_out');
    },
  },
  callbacks: {
    async jwt({ token }) {
      const role = token.role as Role;
      if (token.ended) return token;
      if (!token.sub || typeof token.ver !== 'number' || typeof token.sid !== 'string' || !ROLES.includes(role)) return null;
      const db = await getDb();
      const staffId = role === 'patient' ? null : token.sub;
      // The timeout is audited by the request that ends the session, not by every later one.
      const state = await checkSession(db, token.sid, token.sub, role, token.ver, undefined, async (reason) => {
        if (staffId) await recordStaffEvent(db, staffId, 'staff.session.timeout', { reason });
      });
      if (state.ok) return token;
      return { ...token, ended: state.reason };
    },
    session({ session, token }) {
      if (token.ended) return { expires: session.expires, ended: token.ended as SessionEnd };
      session.user = { ...session.user, id: token.sub!, role: token.role as Role };
      session.sid = token.sid as string;
      return session;
    },
  },
}));

export interface Principal {
  id: string;
  role: Role;
  sid: string;
}

/** The request's session, looked up once per request however many components ask. */
export const currentSession = cache(async (): Promise<{ principal: Principal | null; ended: SessionEnd | null }> => {
  // Without a session cookie Auth.js has nothing to read: most requests to the public pages
  // (and every sign-in and registration post) skip its per-request set-up.
  if (!(await cookies()).getAll().some((cookie) => isSessionCookie(cookie.name))) return { principal: null, ended: null };
  const session = await auth();
  if (!session || session.ended || !session.user?.id || !session.sid) return { principal: null, ended: session?.ended ?? null };
  return { principal: { id: session.user.id, role: session.user.role, sid: session.sid }, ended: null };
});

/** The signed-in patient's account id, or null. */
export async function currentPatientId(): Promise<string | null> {
  const { principal } = await currentSession();
  return principal?.role === 'patient' ? principal.id : null;
}

export interface StaffPrincipal {
  id: string;
  role: Exclude<Role, 'patient'>;
}

/** The signed-in staff member when their role is one of `roles`, else null. */
export async function currentStaff(roles: Array<StaffPrincipal['role']> = ['registrar', 'admin']): Promise<StaffPrincipal | null> {
  const { principal } = await currentSession();
  if (!principal || principal.role === 'patient' || !roles.includes(principal.role)) return null;
  return { id: principal.id, role: principal.role };
}
