// Auth.js v5: patients and staff sign in with login and password (Credentials); sessions are
// signed JWT cookies, checked against the database on every use so that a password change, a
// block or a disabled staff account ends them on every app instance.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { countSignIn } from '@/lib/metrics';
import { clientIp } from '@/lib/request';
import { endSessions, isSessionCurrent, signInWithLimits, type Role } from './authenticate';

export class SignInRefused extends CredentialsSignin {
  constructor(
    reason: 'invalid' | 'pending' | 'blocked' | 'limited',
    readonly retryAfterSeconds = 0,
  ) {
    super();
    this.code = reason;
  }
}

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role };
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

const ROLES: Role[] = ['patient', 'registrar', 'admin'];

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials, request) {
        const login = typeof credentials?.login === 'string' ? credentials.login : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        const result = await signInWithLimits(await getDb(), login, password, clientIp(request.headers));
        countSignIn(result);
        if (!result.ok) throw new SignInRefused(result.reason, result.reason === 'limited' ? result.retryAfterSeconds : 0);
        return { id: result.id, role: result.role, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  events: {
    // Signing out ends the account's sessions on the server too, not only this browser's cookie.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const role = token?.role as Role | undefined;
      if (token?.sub && role) await endSessions(await getDb(), token.sub, role);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.ver = user.sessionVersion ?? 0;
        return token;
      }
      const role = token.role as Role;
      if (!token.sub || typeof token.ver !== 'number' || !ROLES.includes(role)) return null;
      return (await isSessionCurrent(await getDb(), token.sub, role, token.ver)) ? token : null;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub!, role: token.role as Role };
      return session;
    },
  },
}));

/** The signed-in patient's account id, or null. */
export async function currentPatientId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.role === 'patient' && session.user.id ? session.user.id : null;
}

export interface StaffPrincipal {
  id: string;
  role: Exclude<Role, 'patient'>;
}

/** The signed-in staff member when their role is one of `roles`, else null. */
export async function currentStaff(roles: Array<StaffPrincipal['role']> = ['registrar', 'admin']): Promise<StaffPrincipal | null> {
  const session = await auth();
  const role = session?.user?.role;
  if (!session?.user?.id || !role || role === 'patient' || !roles.includes(role)) return null;
  return { id: session.user.id, role };
}
