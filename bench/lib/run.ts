// The frame of every bench script: options, a build, a throwaway database, the server(s), and
// cleanup however the run ends.
import { performance } from 'node:perf_hooks';
import { createBenchDatabase, type BenchDatabase } from './db';
import { benchOptions, type BenchOptions } from './options';
import { ensureBuild } from './server';

/** `seconds` and `levels`: the script's defaults when the command line and the environment give none. */
export async function bench(
  name: string,
  body: (options: BenchOptions, database: BenchDatabase) => Promise<void>,
  { seconds, levels }: { seconds?: number; levels?: string } = {},
): Promise<void> {
  const t0 = performance.now();
  const options = benchOptions({ seconds, levels });
  ensureBuild(options.build);
  const database = await createBenchDatabase(options.databaseUrl);
  console.log(`${name}: database ${database.name}, levels ${options.levels.join('/')}, ${options.seconds} s each`);
  try {
    await body(options, database);
  } finally {
    await database.drop();
  }
  console.log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** Runs `main`, exits 1 with the error on failure (servers and databases are cleaned up first). */
export function main(run: () => Promise<void>): void {
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
