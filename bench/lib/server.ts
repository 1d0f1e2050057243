// The production server as the container runs it: `node server.js` in <distDir>/standalone
// (scripts/start-standalone.mjs), built once by `npm run build` when missing (or with --build).
// Each server listens on 127.0.0.1 on a free port, in its own process group, stopped by group.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../tests/e2e/nginx';
import { benchNodeFlags, startService } from './service';

export { freePort };

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = process.env.NEXT_DIST_DIR || '.next';
/** The production build's standalone folder (server.js, mail-worker.mjs). */
export const STANDALONE = path.join(ROOT, DIST, 'standalone');

const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-bench';

/** Runs `npm run build` unless a standalone build is there (or `force`). */
export function ensureBuild(force: boolean): void {
  const ready = existsSync(path.join(STANDALONE, 'server.js')) && existsSync(path.join(STANDALONE, DIST, 'static'));
  if (ready && !force) {
    console.log(`Using the existing build in ${path.relative(ROOT, STANDALONE)} (--build rebuilds it)`);
    return;
  }
  console.log('npm run build …');
  const t0 = performance.now();
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status})`);
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

export interface BenchServer {
  readonly url: string;
  readonly port: number;
  /** The server's process id (its CPU time is read from /proc). */
  readonly pid: number | undefined;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a standalone server on `port` against `databaseUrl` and waits (bounded) until /login
 * answers 200. `proxyHops`: 1 when the bench talks to it directly (its X-Forwarded-For is the
 * client), 2 behind nginx (nginx appends 127.0.0.1 after it). BENCH_NODE_OPTIONS (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`) are flags of the server's node. `env`: more of its
 * environment (bench:acs: the WK_* of a stub node; bench:pages turns STAFF_MFA off, as e2e specs do).
 */
export async function startServer(
  port: number,
  databaseUrl: string,
  { proxyHops = 1, env: extra = {} }: { proxyHops?: number; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    APP_URL: url,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: BENCH_SECRET,
    TRUSTED_PROXY_HOPS: String(proxyHops),
    RETENTION_INTERVAL_HOURS: '0',
    ...extra,
  };
  const service = startService([...benchNodeFlags(), 'server.js'], { cwd: STANDALONE, env, stopMs: 20_000 });
  const server: BenchServer = { url, port, pid: service.pid, output: service.output, stop: service.stop };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !service.exited()) {
    try {
      const response = await fetch(`${url}/login`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  throw new Error(`The server on ${port} did not serve /login:\n${service.output().slice(-5000)}`);
}
