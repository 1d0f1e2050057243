// better-auth as its Next.js guide sets it up (better-auth.com/docs/integrations/next): one
// instance for the route handler and the server actions, the nextCookies() plugin last so that
// auth.api calls in a server action set their cookies. Email and password, argon2id at
// E-Rejestracja's parameters (lib/auth/password-hash.ts HASH_OPTIONS), PostgreSQL through
// better-auth's built-in Kysely adapter on a pg pool — the same options as bench/peer-better-auth.
import argon2 from 'argon2';
import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import pg from 'pg';

const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// max 10: the pool size of the app's postgres.js client.
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export const auth = betterAuth({
  baseURL: process.env.BETTER_AUTH_URL,
  secret: process.env.BETTER_AUTH_SECRET ?? 'peer-secret-peer-secret-peer-secret-peer',
  database: pool,
  emailAndPassword: {
    enabled: true,
    // Like the app's registration: the account waits for its emailed link, no session yet.
    autoSignIn: false,
    password: {
      hash: (password) => argon2.hash(password, HASH_OPTIONS),
      verify: ({ hash, password }) => argon2.verify(hash, password),
    },
  },
  emailVerification: {
    sendOnSignUp: true,
    // The app queues its activation email in the database; here the link is made and dropped.
    sendVerificationEmail: async () => {},
  },
  logger: { level: 'error' },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});
