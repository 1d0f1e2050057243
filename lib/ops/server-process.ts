// The server process around Next (issue 14): every HTTP request is timed for the metrics, and
// SIGTERM / SIGINT drain the process before it exits 0.
//
// Timing: Node publishes the start of every request on the `http.server.request.start`
// diagnostics channel (with its response and server); the response's `close` event ends it. This
// sees every request the process serves — pages, server actions, route handlers, static files —
// from arrival to the last byte, which nothing inside Next (proxy.ts, a page, an action) can.
// The route label is the template from the build's routes-manifest.json.
//
// Shutdown: Next's own signal handler closes the HTTP server, lets in-flight requests and after()
// callbacks finish and then calls process.exit(143). Ours runs beside it: it makes /api/ready say
// "stopping", asks kept-alive connections to close, stops the mail dispatcher claiming (its sends
// in progress finish), waits for Next's drain (its process.exit is held back until then), closes
// the database and exits 0 — or 1 when SHUTDOWN_TIMEOUT_MS runs out first.
import diagnostics from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { logError, logInfo } from '@/lib/log';
import { observeHttpRequest } from '@/lib/metrics';
import { createRouteMatcher, UNMATCHED, type RouteMatcher, type RoutesManifest } from './route-templates';

interface ProcessState {
  observing: boolean;
  shutdownInstalled: boolean;
  stopping: boolean;
  inFlight: Set<ServerResponse>;
  servers: Set<Server>;
  channel?: diagnostics.Channel;
  drained?: () => void;
}

const slot = globalThis as unknown as { __erejestracjaProcess?: ProcessState };
const state: ProcessState = (slot.__erejestracjaProcess ??= {
  observing: false,
  shutdownInstalled: false,
  stopping: false,
  inFlight: new Set(),
  servers: new Set(),
});

/** Whether the process has been told to stop (readiness answers 503 from then on). */
export function isStopping(): boolean {
  return state.stopping;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The build directory: NEXT_DIST_DIR for `next start`, the embedded config in standalone. */
function distDir(): string {
  if (process.env.NEXT_DIST_DIR) return process.env.NEXT_DIST_DIR;
  try {
    const config = JSON.parse(process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? '{}') as { distDir?: unknown };
    if (typeof config.distDir === 'string') return config.distDir;
  } catch {
    // not standalone
  }
  return '.next';
}

function loadRouteMatcher(): RouteMatcher {
  // A production build keeps the manifest in the build directory, `next dev` in its dev/ folder.
  for (const folder of [distDir(), path.join(distDir(), 'dev')]) {
    try {
      return createRouteMatcher(
        JSON.parse(readFileSync(path.join(process.cwd(), folder, 'routes-manifest.json'), 'utf8')) as RoutesManifest,
      );
    } catch {
      // try the next place
    }
  }
  logInfo('metrics: no routes manifest found; request durations are labelled (unmatched)');
  return () => UNMATCHED;
}

export function observeHttpRequests(): void {
  if (state.observing) return;
  state.observing = true;
  const routeOf = loadRouteMatcher();
  // Kept on the state: a channel nobody references could be collected with its subscriber.
  state.channel = diagnostics.channel('http.server.request.start');
  state.channel.subscribe((message) => {
    const { request, response, server } = message as { request: IncomingMessage; response: ServerResponse; server: Server };
    const started = process.hrtime.bigint();
    state.servers.add(server);
    state.inFlight.add(response);
    if (state.stopping) response.shouldKeepAlive = false;
    response.once('close', () => {
      state.inFlight.delete(response);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = METHODS.has(request.method ?? '') ? request.method! : 'other';
      const status = response.writableFinished ? String(response.statusCode) : 'aborted';
      observeHttpRequest(method, routeOf(request.url ?? '/'), status, seconds);
      if (state.inFlight.size === 0) state.drained?.();
    });
  });
}

export interface ShutdownSteps {
  /** Stop background work from taking anything new; resolves when its work in progress is done. */
  stopWork(): Promise<void>;
  /** Release what is left (the database) once nothing runs any more. */
  release(): Promise<void>;
  timeoutMs: number;
}

export function installGracefulShutdown(steps: ShutdownSteps): void {
  if (state.shutdownInstalled) return;
  state.shutdownInstalled = true;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Next registers its handler before instrumentation runs, unless NEXT_MANUAL_SIG_HANDLE is set.
    const nextDrains = process.listenerCount(signal) > 0;
    process.on(signal, () => void shutdown(signal, nextDrains, steps));
  }
}

async function shutdown(signal: NodeJS.Signals, nextDrains: boolean, steps: ShutdownSteps): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  const exit = process.exit.bind(process);
  const deadline = setTimeout(() => {
    logError('shutdown timed out: exiting with work unfinished');
    exit(1);
  }, steps.timeoutMs);
  logInfo('shutdown started', { signal, requestsInFlight: state.inFlight.size });
  for (const response of state.inFlight) if (!response.headersSent) response.shouldKeepAlive = false;

  let httpDrained: Promise<void>;
  if (nextDrains) {
    // Next closes the server, waits for requests and after() callbacks, then calls exit: hold
    // that call until our own work is done too.
    httpDrained = new Promise<void>((resolve) => {
      process.exit = (() => resolve()) as unknown as typeof process.exit;
    });
  } else {
    for (const server of state.servers) {
      server.close();
      server.closeIdleConnections();
    }
    httpDrained = state.inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (state.drained = resolve));
  }

  try {
    await Promise.all([httpDrained, steps.stopWork()]);
    await Promise.race([steps.release(), new Promise((r) => setTimeout(r, 3000))]);
    clearTimeout(deadline);
    logInfo('shutdown complete', { signal });
    exit(0);
  } catch (error) {
    logError('shutdown failed', error);
    exit(1);
  }
}
