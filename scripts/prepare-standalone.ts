// Runs after `next build` (npm's postbuild): completes <distDir>/standalone into a server that
// needs nothing else — what the container image holds and `npm run start:standalone` serves.
//   - the static files (.next/static, public), which Next leaves out of it;
//   - checks that the migrations (applied at start) and the run-time packages were traced in
//     (next.config.ts), and that argon2's addon loads there;
//   - mail-worker.mjs: `npm run mail:worker` bundled with esbuild, so the separate mail worker
//     runs from the same folder with plain node (`node mail-worker.mjs`), without tsx or sources.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const dist = process.env.NEXT_DIST_DIR || '.next';
const standalone = path.join(dist, 'standalone');

function fail(message: string): never {
  console.error(`prepare-standalone: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(standalone, 'server.js')))
  fail(`${standalone}/server.js is missing: is output 'standalone' set in next.config.ts?`);

const staticTarget = path.join(standalone, dist, 'static');
rmSync(staticTarget, { recursive: true, force: true });
cpSync(path.join(dist, 'static'), staticTarget, { recursive: true });
if (existsSync('public')) cpSync('public', path.join(standalone, 'public'), { recursive: true });

if (!existsSync(path.join(standalone, 'db', 'migrations', 'meta', '_journal.json'))) {
  fail('db/migrations was not traced into the standalone output (outputFileTracingIncludes in next.config.ts)');
}

// The packages the server loads at run time must have been traced in, and argon2's native addon
// must load there (a prebuilt binary that crashes on this machine would take the server down at
// its first password hash).
const external = [
  '@electric-sql/pglite/dist/pglite.wasm',
  '@electric-sql/pglite/dist/citext.tar.gz',
  'argon2',
  'postgres',
  'drizzle-orm',
  'rate-limiter-flexible',
  'pino',
  'prom-client',
];
for (const entry of external) {
  if (!existsSync(path.join(standalone, 'node_modules', entry))) fail(`node_modules/${entry} was not traced into ${standalone}`);
}
const argon2 = spawnSync(process.execPath, ['-e', "require('argon2').hash('x').then(() => process.exit(0), () => process.exit(1))"], {
  cwd: standalone,
});
if (argon2.status !== 0)
  fail(`argon2 does not load in ${standalone} (exit ${argon2.status ?? argon2.signal}): rebuild it with npm rebuild argon2`);

// The packages the server loads from node_modules (serverExternalPackages) are in the standalone
// node_modules already; the worker uses the same copies. Everything else is bundled in.
await build({
  entryPoints: ['scripts/mail-worker.ts'],
  outfile: path.join(standalone, 'mail-worker.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  external: ['@electric-sql/pglite', 'postgres', 'drizzle-orm', 'pino', 'prom-client'],
  // Bundled CommonJS code may call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

console.log(`prepare-standalone: ${standalone} is ready (node server.js, node mail-worker.mjs)`);
