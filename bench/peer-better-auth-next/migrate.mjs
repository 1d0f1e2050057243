// Creates better-auth's tables for the options of lib/auth.js and exits (bench/peer.ts runs it
// once on the peer's fresh database; the programmatic form of `npx @better-auth/cli migrate`).
//   DATABASE_URL=postgres://… node migrate.mjs
import { getMigrations } from 'better-auth/db/migration';
import { auth, pool } from './lib/auth.js';

const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
await pool.end();
