// Auth.js v5: patients sign in with login and password (Credentials); sessions are signed JWT
// cookies, checked against the database on every use so that a password change or a block ends
// them on every app instance.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { authenticatePatient, isSessionCurrent } from './authenticate';

export class SignInRefused extends CredentialsSignin {
  constructor(reason: 'invalid' | 'pending' | 'blocked') {
    super();
    this.code = reason;
  }
}

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: 'patient' };
  }
  interface User {
    sessionVersion?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 8 * 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(credentials) {
        const login = typeof credentials?.login === 'string' ? credentials.login : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        const result = await authenticatePatient(await getDb(), login, password);
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.accountId, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.ver = user.sessionVersion ?? 0;
        token.role = 'patient';
        return token;
      }
      if (!token.sub || typeof token.ver !== 'number') return null;
      return (await isSessionCurrent(await getDb(), token.sub, token.ver)) ? token : null;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub!, role: 'patient' };
      return session;
    },
  },
}));

/** The signed-in patient's account id, or null. */
export async function currentPatientId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.role === 'patient' && session.user.id ? session.user.id : null;
}
