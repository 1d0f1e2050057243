// A closed-loop load generator: `concurrency` workers each run `task` back to back until the
// time is up. Each call gets a sequence number that is unique in the whole process, so requests
// can carry a client address (X-Forwarded-For) and data of their own.
import { performance } from 'node:perf_hooks';
import { cpuMeter } from './cpu';
import { describe, summarize, type RunStats } from './stats';

let sequence = 0;

/** A number no other task of this process got. */
export const nextSequence = () => ++sequence;

/** 10.a.b.c from a sequence number: a different client address per request (16 M of them). */
export const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export interface LoadOptions {
  concurrency: number;
  seconds: number;
  /**
   * One operation. Returns the milliseconds to count as its latency (e.g. only the POST of a
   * sign-in), or undefined to count the whole call. Throws when it failed.
   */
  task: (n: number) => Promise<number | void>;
  /** The server's process id, to report its CPU time per operation (with PostgreSQL's and ours). */
  serverPid?: number;
}

let firstError: string | undefined;

async function runLoad({ concurrency, seconds, task, serverPid }: LoadOptions): Promise<RunStats> {
  const samples: number[] = [];
  let errors = 0;
  const meter = cpuMeter(serverPid);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const measured = await task(nextSequence());
        samples.push(typeof measured === 'number' ? measured : performance.now() - t0);
      } catch (error) {
        errors += 1;
        if (!firstError) {
          firstError = String(error instanceof Error ? error.message : error).slice(0, 2000);
          console.error(`  first failure: ${firstError}`);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...summarize(samples, errors, (performance.now() - start) / 1000), cpu: meter.stop(samples.length) };
}

/** Runs each concurrency level in turn, after one untimed warm-up at the highest level. */
export async function runLevels(
  levels: readonly number[],
  seconds: number,
  task: LoadOptions['task'],
  { warmupSeconds = 3, label = '', serverPid }: { warmupSeconds?: number; label?: string; serverPid?: number } = {},
): Promise<Map<number, RunStats>> {
  if (warmupSeconds > 0) await runLoad({ concurrency: Math.max(...levels), seconds: warmupSeconds, task });
  const results = new Map<number, RunStats>();
  for (const c of levels) {
    const stats = await runLoad({ concurrency: c, seconds, task, serverPid });
    console.log(`  ${label}c=${c}: ${describe(stats)}`);
    results.set(c, stats);
  }
  return results;
}
