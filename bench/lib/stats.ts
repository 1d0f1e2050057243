// Latency samples and throughput of one load run, and how they are printed.
import type { CpuShare } from './cpu';

export interface RunStats {
  /** Completed requests (or operations) that succeeded. */
  count: number;
  errors: number;
  seconds: number;
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p95: number;
  /** CPU milliseconds per operation of the server, PostgreSQL and the load generator (Linux). */
  cpu?: CpuShare;
}

/** The q-quantile (0..1) of ascending samples, nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(samplesMs: number[], errors: number, seconds: number): RunStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    errors,
    seconds,
    rps: sorted.length / seconds,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
  };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** "37.2/s, p50 52.0 ms, p95 80.1 ms" */
export const describe = (s: RunStats) =>
  `${fmt(s.rps)}/s, p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms (${s.count} ok${s.errors ? `, ${s.errors} failed` : ''})` +
  (s.cpu
    ? `; CPU ms/op: ${s.cpu.server ? `server ${fmt(s.cpu.server)} (event loop ${fmt(s.cpu.loop)}), ` : ''}PostgreSQL ${fmt(s.cpu.postgres)}, bench ${fmt(s.cpu.client)}`
    : '');

/** The CPU columns of a table row: server, its event loop, PostgreSQL, the load generator (— without /proc). */
export const cpuCells = (s: RunStats) =>
  s.cpu ? [fmt(s.cpu.server), fmt(s.cpu.loop), fmt(s.cpu.postgres), fmt(s.cpu.client)] : ['—', '—', '—', '—'];

/** The first cells of a row against a floor: concurrency, the app's rate and latencies, the floor's, their ratio. */
export const againstFloorCells = (concurrency: number, app: RunStats, floor: RunStats) => [
  String(concurrency),
  fmt(app.rps),
  fmt(app.p50),
  fmt(app.p95),
  fmt(floor.rps),
  fmt(floor.p50),
  fmt(app.rps / floor.rps, 2),
];

/** A Markdown table: header cells, then rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
