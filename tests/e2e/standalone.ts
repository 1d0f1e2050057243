// Servers and clients for the operations specs (issue 14). Extra servers run the standalone build
// exactly as the Dockerfile's CMD does — `node server.js` with <distDir>/standalone as the working
// directory — and the bundled mail worker as compose runs it (`node mail-worker.mjs`). Each
// listens on 127.0.0.1 on a port of its own and is stopped by process group, never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { createPostgresDatabase } from '../helpers/databases';
import { collectOutput, stopProcess, type ProcessResult, type ServerEnv } from './servers';
import { seedDemoData } from './support/demo-seed';
import { postgresBase } from './support/database';

export { E2E_METRICS_TOKEN } from './ops-constants';

const STANDALONE_DIR = path.resolve(process.env.NEXT_DIST_DIR || '.next', 'standalone');

function childEnv(overrides: ServerEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  // The test runner's settings must not leak into a server that is configured here.
  for (const name of ['PORT', 'E2E_PORT', 'E2E_DATABASE_URL', 'E2E_PGLITE_DIR', 'TEST_DATABASE_URL', 'METRICS_TOKEN', 'RESEND_API_KEY'])
    delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('RATE_LIMIT_')) delete env[name];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface StandaloneProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<ProcessResult>;
  output(): string;
  /** SIGTERM to the process group, SIGKILL after the grace time. */
  stop(): Promise<void>;
}

/** `node <script>` in the standalone folder, in its own process group. */
export function spawnStandalone(script: 'server.js' | 'mail-worker.mjs', env: ServerEnv): StandaloneProcess {
  const child = spawn(process.execPath, [script], {
    cwd: STANDALONE_DIR,
    env: childEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child, 400_000);
  const exited = new Promise<ProcessResult>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output: output() })));
  return { child, exited, output, stop: () => stopProcess(child, exited) };
}

export interface StandaloneServer extends StandaloneProcess {
  readonly url: string;
}

/** Starts `node server.js` on `port` and waits (bounded) until /api/health answers. */
export async function startStandalone(port: number, env: ServerEnv, timeoutMs = 90_000): Promise<StandaloneServer> {
  const url = `http://127.0.0.1:${port}`;
  // A leftover server on the port would answer in place of ours.
  const taken = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`Port ${port} is already in use`);
  // DEMO_SEED=1: the demo data, which a production build does not carry, is added before start.
  if (env.DEMO_SEED === '1') seedDemoData(env, STANDALONE_DIR);
  const proc = spawnStandalone('server.js', {
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    APP_URL: url,
    AUTH_SECRET: 'standalone-e2e-secret-standalone-e2e-secret',
    ...env,
  });
  let exit: ProcessResult | null = null;
  void proc.exited.then((r) => (exit = r));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit)
      throw new Error(`Standalone server on ${port} exited (${(exit as ProcessResult).code}) before it was ready:\n${proc.output()}`);
    try {
      const response = await fetch(`${url}/login`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return { ...proc, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await proc.stop();
  throw new Error(`Standalone server on ${port} did not come up within ${timeoutMs} ms:\n${proc.output()}`);
}

/** A new, empty database on the local PostgreSQL (postgresBase); dropped by `drop()`. */
export function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createPostgresDatabase(postgresBase);
}

export function apiContext(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}
