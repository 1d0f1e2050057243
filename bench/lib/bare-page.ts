// The bare Next 16 app of bench/bare-page, built in a temporary directory with the repository's
// own next and react and started with `next start`: the page bench:weight weighs /register and
// /login against, and the action POST and the floor sign-in (/sign-in) bench:signin compares
// Next's own cost and a whole sign-in's with.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onExit } from './db';
import { freePort, ROOT } from './server';
import { benchNodeFlags, startService } from './service';

const BARE_SOURCE = path.join(ROOT, 'bench/bare-page');
const NEXT = path.join(ROOT, 'node_modules/.bin/next');

export interface BarePage {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * `env`: more variables for the server (bench:signin gives the floor sign-in its DATABASE_URL).
 * BENCH_NODE_OPTIONS are flags of the server's node, as for the app's server (bench/lib/server.ts).
 */
export async function startBarePage(env: Record<string, string> = {}): Promise<BarePage> {
  // Built outside the repository (see bench/bare-page/next.config.mjs), with its next and react.
  const BARE = mkdtempSync(path.join(tmpdir(), 'erej-bare-page-'));
  cpSync(BARE_SOURCE, BARE, { recursive: true, filter: (from) => !from.includes(`${path.sep}.next`) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(BARE, 'node_modules'));
  const remove = async () => rmSync(BARE, { recursive: true, force: true });
  onExit(remove);
  console.log(`next build bench/bare-page (in ${BARE}) …`);
  const build = spawnSync(NEXT, ['build'], { cwd: BARE, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`next build bench/bare-page failed:\n${build.stdout}${build.stderr}`);
  const port = await freePort();
  // Through node itself, so that its flags apply and its process id is the server's.
  const { pid, output, stop } = startService([...benchNodeFlags(), NEXT, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: BARE,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    afterStop: remove,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, pid, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The bare page did not start:\n${output().slice(-5000)}`);
}
