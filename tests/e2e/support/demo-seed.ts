// The demo data (lib/demo/seed.ts) is not in a production build, so a test server that needs it
// gets it the way a demo deployment does: `npm run db:seed` against its database before the
// server starts (a running server holds PGlite's folder; PostgreSQL would not mind).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ServerEnv } from '../servers';

const ROOT = process.cwd();

/** Seeds the database `env` points the server at; `cwd` is the server's, for a relative PGLITE_DIR. */
export function seedDemoData(env: ServerEnv, cwd = ROOT): void {
  const databaseUrl = 'DATABASE_URL' in env ? env.DATABASE_URL : process.env.DATABASE_URL;
  const pgliteDir = 'PGLITE_DIR' in env ? env.PGLITE_DIR : process.env.PGLITE_DIR;
  const result = spawnSync('npm', ['run', '--silent', 'db:seed'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      NODE_ENV: 'development',
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl ?? '',
      ...(pgliteDir ? { PGLITE_DIR: path.resolve(cwd, pgliteDir) } : {}),
    },
  });
  if (result.status !== 0) throw new Error(`npm run db:seed failed (${result.status}):\n${result.stdout}${result.stderr}`);
}
