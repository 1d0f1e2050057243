// npm test — unit and integration tests (Vitest, PGlite and, when TEST_DATABASE_URL or
// DATABASE_URL is set, a real PostgreSQL), then end-to-end tests (Playwright, system Chromium)
// against a production build. Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createPostgresDatabase } from '../tests/helpers/databases';

const outDir = '.test-output';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const requireAll = process.env.CI === 'true' || process.env.E2E_REQUIRED === '1';
const extraArgs = process.argv.slice(2);

function banner(lines: string[]) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${'!'.repeat(width)}\n${lines.map((l) => `! ${l}`).join('\n')}\n${'!'.repeat(width)}\n`);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let crashed = false;

// 1. Vitest
if (!postgresUrl) {
  banner([
    'No TEST_DATABASE_URL / DATABASE_URL: integration tests run on PGlite only;',
    'the PostgreSQL concurrency tests are SKIPPED. See README: "Tests against PostgreSQL".',
  ]);
  if (requireAll) crashed = true;
}
const vitestCode = run(
  'npx',
  ['vitest', 'run', '--reporter=default', `--reporter=json`, `--outputFile.json=${outDir}/vitest.json`, ...extraArgs],
  {
    TEST_DATABASE_URL: postgresUrl,
  },
);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(`${outDir}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!vitest || (vitestCode !== 0 && (vitest?.numFailedTests ?? 0) === 0)) crashed = true;

// 2. Playwright
if (process.env.SKIP_E2E === '1' && !requireAll) {
  banner(['E2E TESTS SKIPPED (SKIP_E2E=1).']);
} else if (!existsSync(chromium)) {
  banner([
    `E2E TESTS SKIPPED: no Chromium at ${chromium}.`,
    'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH) to run them.',
  ]);
  if (requireAll) crashed = true;
} else {
  for (const dir of existsSync('.data') ? readdirSync('.data') : []) {
    if (dir.startsWith('e2e-pglite-')) rmSync(`.data/${dir}`, { recursive: true, force: true });
  }
  // One build for every e2e server: `npm run build` is next build + the standalone folder
  // (scripts/prepare-standalone.ts), which the main e2e server runs as the container would.
  const buildCode = run('npm', ['run', 'build']);
  if (buildCode !== 0) {
    console.error('npm run build failed; e2e tests not run.');
    crashed = true;
  } else {
    const e2eDb = postgresUrl ? await createPostgresDatabase(postgresUrl) : null;
    let code: number;
    try {
      code = run('npx', ['playwright', 'test'], e2eDb ? { E2E_DATABASE_URL: e2eDb.url, TEST_DATABASE_URL: postgresUrl } : {});
    } finally {
      await e2eDb?.drop();
    }
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(`${outDir}/playwright.json`);
    if (report) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    }
    // Playwright failing without a failed test (its web server did not start, a global error)
    // writes a report with nothing run: that is a crash, never a pass.
    if (!report || (code !== 0 && report.stats.unexpected === 0)) crashed = true;
  }
}

if (crashed) console.error('A test runner did not finish normally (see above).');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || crashed ? 1 : 0);
