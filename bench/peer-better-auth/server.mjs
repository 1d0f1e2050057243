// The peer of E-Rejestracja's sign-in and registration: better-auth with email and password,
// argon2id at the app's parameters (lib/auth/password-hash.ts HASH_OPTIONS), on PostgreSQL
// through its built-in Kysely adapter (pg), served by a plain Node HTTP server.
//   DATABASE_URL=postgres://… PORT=4500 node server.js   (bench/peer.ts starts it)
//   node server.mjs --migrate   creates better-auth's tables and exits
import { createServer } from 'node:http';
import argon2 from 'argon2';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { toNodeHandler } from 'better-auth/node';
import pg from 'pg';

const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const port = Number(process.env.PORT ?? 4500);
const baseURL = `http://127.0.0.1:${port}`;

// max 10: the pool size of the app's postgres.js client.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export const auth = betterAuth({
  baseURL,
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
});

if (process.argv.includes('--migrate')) {
  const { runMigrations } = await getMigrations(auth.options);
  await runMigrations();
  await pool.end();
} else {
  const server = createServer(toNodeHandler(auth));
  server.listen(port, '127.0.0.1', () => console.log(`better-auth peer on ${baseURL}`));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}
