// A production server without a proper AUTH_SECRET must refuse to start (lib/env.ts,
// instrumentation.ts): with a missing or guessable secret, sessions and captchas could be forged.
// Each test spawns its own `next start` on a port of its own with an empty PGlite folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { spawnNext, startServer, stopProcess, type ProcessResult, type ServerEnv } from './servers';

const STARTUP_TIMEOUT_MS = 30_000;

let dataDir: string;
test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'erej-sec-startup-'));
});
test.afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the production server and waits (bounded) for it to exit on its own. */
async function runUntilExit(port: number, env: ServerEnv): Promise<ProcessResult | 'still running'> {
  const { child, exited } = spawnNext(port, env);
  try {
    return await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), STARTUP_TIMEOUT_MS))]);
  } finally {
    await stopProcess(child, exited);
  }
}

const productionWithout = (secret: string | undefined, dir: string): ServerEnv => ({
  NODE_ENV: 'production',
  AUTH_SECRET: secret,
  DATABASE_URL: undefined,
  PGLITE_DIR: dir,
  APP_URL: undefined,
  DEV_MAILBOX: undefined,
  DEMO_SEED: undefined,
});

test.describe('server start-up', () => {
  test.describe.configure({ mode: 'serial' });
  test.setTimeout(150_000);

  test('the production server refuses to start without AUTH_SECRET and says why', async () => {
    const result = await runUntilExit(3310, productionWithout(undefined, path.join(dataDir, 'no-secret')));
    expect(result, 'the server kept running without AUTH_SECRET').not.toBe('still running');
    const { code, output } = result as ProcessResult;
    expect(code, output).not.toBe(0);
    expect(code, output).not.toBeNull();
    expect(output).toContain('AUTH_SECRET');
    expect(output).toContain('E-Rejestracja cannot start');
  });

  test('the production server refuses a short (guessable) AUTH_SECRET', async () => {
    const result = await runUntilExit(3310, productionWithout('too-short-secret', path.join(dataDir, 'short-secret')));
    expect(result, 'the server kept running with a 16-character AUTH_SECRET').not.toBe('still running');
    const { code, output } = result as ProcessResult;
    expect(code, output).not.toBe(0);
    expect(output).toContain('AUTH_SECRET must be at least 32 characters');
  });

  test('with a proper AUTH_SECRET the same command starts and serves /login (control)', async () => {
    const server = await startServer(3311, {
      ...productionWithout('startup-control-secret-startup-control-secret', path.join(dataDir, 'control')),
      APP_URL: 'http://127.0.0.1:3311',
    });
    try {
      const response = await fetch(`${server.url}/login`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Zaloguj');
    } finally {
      await server.stop();
    }
  });
});
