// Extra `next start` processes for the security tests that need their own configuration (two
// instances sharing one database, a server that must refuse to start, HTTPS settings). They serve
// the same production build as the main e2e server (NEXT_DIST_DIR, inherited from the test run),
// listen on 127.0.0.1 only, and are stopped by process group, never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import { seedDemoData } from './support/demo-seed';

/** Environment for a child: `undefined` removes a variable inherited from the test run. */
export type ServerEnv = Record<string, string | undefined>;

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Everything the process has printed so far (stdout and stderr). */
  output(): string;
  /** Stops the whole process group (npx → node → next-server) and waits for it to end. */
  stop(): Promise<void>;
}

const ROOT = process.cwd();

function childEnv(overrides: ServerEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // The test runner's own settings must not leak into a server that is configured here.
  for (const name of ['PORT', 'E2E_PORT', 'E2E_DATABASE_URL', 'E2E_PGLITE_DIR', 'TEST_DATABASE_URL']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('RATE_LIMIT_')) delete env[name];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Spawns `npx next start -p PORT -H 127.0.0.1` in its own process group. */
export function spawnNext(port: number, env: ServerEnv): { child: ChildProcess; output(): string; exited: Promise<ProcessResult> } {
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: childEnv(env),
    detached: true, // its own process group, so that stop() reaches next-server too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const exited = new Promise<ProcessResult>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, output: output() }));
  });
  return { child, output, exited };
}

/** Keeps what a child process writes (its last `limit` ÷ 2 to `limit` characters), for the error that says why it failed. */
export function collectOutput(child: ChildProcess, limit = 200_000): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > limit) output = output.slice(-limit / 2);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  return () => output;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Stops a spawned process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, exited: Promise<unknown>, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // the group may outlive the npx process
    return;
  }
  killGroup(child, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs))]);
  killGroup(child, 'SIGKILL');
  if (timedOut) await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
}

/**
 * Starts a production server on `port` and waits (bounded) until `/login` answers 200.
 * Fails with the server's output when it exits or does not come up in time.
 */
export async function startServer(port: number, env: ServerEnv, timeoutMs = 90_000): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  // DEMO_SEED=1: the demo data, which a production build does not carry, is added before start.
  if (env.DEMO_SEED === '1') seedDemoData(env, ROOT);
  const { child, output, exited } = spawnNext(port, { NODE_ENV: 'production', ...env });
  const state: { exit: ProcessResult | null } = { exit: null };
  void exited.then((r) => (state.exit = r));
  const server: RunningServer = { url, port, output, stop: () => stopProcess(child, exited) };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.exit) throw new Error(`Server on port ${port} exited (code ${state.exit.code}) before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/login`, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await server.stop();
  throw new Error(`Server on port ${port} did not answer /login within ${timeoutMs} ms:\n${output()}`);
}
