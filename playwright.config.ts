// End-to-end tests against a production build (`npm run build` first; `npm test` does it) served
// on port 3100 by the standalone server exactly as the container runs it (`npm run
// start:standalone`: node server.js in <distDir>/standalone), with its own fresh database and the
// dev mailbox on. Extra servers of some specs run `next start` on the same build (tests/e2e/servers.ts).
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { E2E_METRICS_TOKEN } from './tests/e2e/ops-constants';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? '';
if (databaseUrl && !/^postgres(ql)?:\/\/[^@]*@?(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(databaseUrl)) {
  throw new Error('E2E_DATABASE_URL must point at a local throwaway database');
}
// Workers re-read this file with the main process's environment, so they agree on the folder.
// Absolute: the standalone server changes into its own folder.
process.env.E2E_PGLITE_DIR ??= path.resolve(`.data/e2e-pglite-${Date.now()}`);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  use: {
    baseURL,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The demo data is not in a production build: `npm run db:seed` adds it to this server's
    // fresh database before the server starts and holds PGlite's folder.
    command: 'npm run --silent db:seed && node scripts/start-standalone.mjs',
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      APP_URL: baseURL,
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      DEV_MAILBOX: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every test comes from 127.0.0.1: the limits are tested on their own (rate-limits.spec.ts).
      RATE_LIMIT_REGISTER_PER_IP_HOUR: '100000',
      RATE_LIMIT_CAPTCHA_PER_IP_15MIN: '100000',
      RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: '100000',
      RATE_LIMIT_LINKS_PER_IP_HOUR: '100000',
      // /login asks for a passkey challenge on every visit (the browser's autofill).
      RATE_LIMIT_PASSKEY_PER_IP_15MIN: '100000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', PGLITE_DIR: process.env.E2E_PGLITE_DIR }),
    },
  },
});
