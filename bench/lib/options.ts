// Command-line options shared by the bench scripts:
//   --seconds=12       length of each concurrency level (BENCH_SECONDS)
//   --levels=2,4,8     concurrency levels (BENCH_LEVELS)
//   --build            rebuild the production build even when .next/standalone exists
//   --million          (bench:register) also measure at 1 000 000 existing patients
//   --runs=3           (bench:pages) Lighthouse runs of every page; the median is reported
//   --no-write         print only, leave BENCHMARKS.md alone
//   --messages=2000    (bench:dispatch) messages queued per channel (BENCH_MESSAGES)
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): the local PostgreSQL
// server on which a throwaway database is created and dropped.

export interface BenchOptions {
  seconds: number;
  levels: number[];
  build: boolean;
  million: boolean;
  runs: number;
  write: boolean;
  /** bench:dispatch: messages queued per channel. */
  messages: number;
  databaseUrl: string;
}

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const has = (name: string) => process.argv.includes(`--${name}`);

/** The options of this run; `defaults` are a script's own (bench:acs measures at 1, 2 and 4). */
export function benchOptions(defaults: { seconds?: number; levels?: string } = {}): BenchOptions {
  const seconds = Number(flag('seconds') ?? process.env.BENCH_SECONDS ?? defaults.seconds ?? 12);
  const levels = (flag('levels') ?? process.env.BENCH_LEVELS ?? defaults.levels ?? '2,4,8').split(',').map(Number);
  const messages = Number(flag('messages') ?? process.env.BENCH_MESSAGES ?? 2000);
  const runs = Number(flag('runs') ?? 3);
  if (!(seconds > 0) || levels.some((c) => !Number.isInteger(c) || c < 1) || !Number.isInteger(runs) || runs < 1) {
    throw new Error('--seconds must be positive, --levels a list of positive integers and --runs a positive integer');
  }
  if (!Number.isInteger(messages) || messages < 1) throw new Error('--messages must be a positive integer');
  return {
    seconds,
    levels,
    build: has('build'),
    million: has('million'),
    runs,
    write: !has('no-write'),
    messages,
    databaseUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}
