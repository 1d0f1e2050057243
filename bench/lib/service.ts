// A process a bench starts and stops (the app's standalone server, the mail worker, a bare Next
// app, a peer): `node ARGS` in its own process group (so that stopping it reaches its children),
// its output kept for the error that says why it did not start, stopped once when the bench ends.
import { spawn } from 'node:child_process';
import { collectOutput, stopProcess } from '../../tests/e2e/servers';
import { onExit } from './db';

export interface Service {
  pid: number | undefined;
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

/** BENCH_NODE_OPTIONS (e.g. `--cpu-prof --cpu-prof-dir=DIR`): flags of a service's node (Node 20 refuses --cpu-prof in NODE_OPTIONS). */
export const benchNodeFlags = () => (process.env.BENCH_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);

export function startService(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; stopMs?: number; afterStop?: () => Promise<void> },
): Service {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopProcess(child, exit, options.stopMs ?? 10_000).then(() => options.afterStop?.()));
  onExit(stop);
  return { pid: child.pid, output, exited: () => exited, stop };
}
