// The fair peer of bench:peer: better-auth in a Next 16 app (bench/peer-better-auth-next), built
// with `next build` in a temporary directory and run as a standalone server, as the app runs.
// Its node_modules there links to the peer's own packages (better-auth, argon2, pg: `npm ci` in
// its folder) and to the repository's (next, react): the same next and react as the app, with no
// second copy of Next to install. Like bench/lib/bare-page.ts, built outside the repository,
// where Next would take the repository's instrumentation.ts and proxy.ts into it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { onExit } from './db';
import { BENCH_PASSWORD } from './flows';
import { expectRedirect, getPage, parseForm, postForm, type ParsedForm } from './forms';
import { multipart, request } from './http';
import { clientAddress } from './load';
import { freePort, ROOT } from './server';
import { startService } from './service';

export const PEER_NEXT = path.join(ROOT, 'bench/peer-better-auth-next');
const NEXT = path.join(ROOT, 'node_modules/.bin/next');

export interface NextPeer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** `npm ci` in a peer's folder unless its packages are there. */
export function installPeerPackages(folder: string): void {
  if (existsSync(path.join(folder, 'node_modules/better-auth'))) return;
  console.log(`npm ci in ${path.relative(ROOT, folder)} …`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: folder, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${path.relative(ROOT, folder)} failed`);
}

/** Links every package of `from` (a node_modules) into `to`, scoped ones one by one. */
function linkPackages(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.name.startsWith('@')) {
      mkdirSync(target, { recursive: true });
      linkPackages(source, target);
      continue;
    }
    rmSync(target, { force: true });
    symlinkSync(source, target);
  }
}

/** Builds the peer app in a temporary directory; returns it and how to remove it. */
function buildNextPeer(): { dir: string; remove(): Promise<void> } {
  installPeerPackages(PEER_NEXT);
  const dir = mkdtempSync(path.join(tmpdir(), 'erej-peer-next-'));
  const remove = async () => rmSync(dir, { recursive: true, force: true });
  onExit(remove);
  cpSync(PEER_NEXT, dir, {
    recursive: true,
    filter: (from) => !/(^|[/\\])(node_modules|\.next)([/\\]|$)/.test(path.relative(PEER_NEXT, from)),
  });
  // The peer's packages win over the repository's of the same name (the same versions today).
  mkdirSync(path.join(dir, 'node_modules'));
  linkPackages(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  linkPackages(path.join(PEER_NEXT, 'node_modules'), path.join(dir, 'node_modules'));
  console.log(`next build bench/peer-better-auth-next (in ${dir}) …`);
  const t0 = performance.now();
  const build = spawnSync(NEXT, ['build'], { cwd: dir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`next build bench/peer-better-auth-next failed:\n${build.stdout}${build.stderr}`);
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { dir, remove };
}

/**
 * Builds the peer, creates better-auth's tables on `databaseUrl` and starts its standalone
 * server on a free port; resolves when /sign-in answers 200.
 */
export async function startNextPeer(databaseUrl: string): Promise<NextPeer> {
  const { dir, remove } = buildNextPeer();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_URL: url,
  };
  // Not spawnSync: the database may be reached through a proxy of this process (bench/lib/sql-counter.ts).
  const migrate = spawn(process.execPath, ['migrate.mjs'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let migrateErrors = '';
  migrate.stderr.on('data', (c: Buffer) => (migrateErrors += c.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => migrate.on('exit', resolve));
  if (status !== 0) {
    await remove();
    throw new Error(`better-auth migration failed:\n${migrateErrors}`);
  }
  // With the tracing root at '/', the standalone tree mirrors absolute paths; the static files
  // are copied in as scripts/prepare-standalone.ts does for the app.
  const standalone = path.join(dir, '.next/standalone', path.relative('/', dir));
  cpSync(path.join(dir, '.next/static'), path.join(standalone, '.next/static'), { recursive: true });
  const { pid, output, stop } = startService(['server.js'], { cwd: standalone, env, afterStop: remove });
  for (let i = 0; i < 150; i++) {
    const ok = await fetch(`${url}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, pid, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The better-auth Next peer did not start:\n${output().slice(-5000)}`);
}

/** The peer's address of account `n`. */
export const peerEmail = (n: number) => `peer.${n}@example.pl`;

/** GET /sign-up and POST its form (the server action calls auth.api.signUpEmail); expects 303 to /sign-up/sent. */
export async function nextPeerSignUp(baseUrl: string, n: number): Promise<void> {
  const ip = clientAddress(n);
  const page = `${baseUrl}/sign-up`;
  const form = parseForm(await getPage(page, ip), page);
  const answer = await postForm(form, { name: 'Zofia', email: peerEmail(n), password: BENCH_PASSWORD }, ip);
  expectRedirect(answer, /^\/sign-up\/sent$/, 'better-auth sign-up');
}

/** The /sign-in form, read once like the app's /login: only the POST is measured. */
export async function nextPeerSignInForm(baseUrl: string): Promise<ParsedForm> {
  const page = `${baseUrl}/sign-in`;
  return parseForm(await getPage(page, clientAddress(0)), page);
}

/** POST of the sign-in form for account `account` (auth.api.signInEmail); returns the POST's milliseconds. */
export async function nextPeerSignIn(form: ParsedForm, account: number, n: number): Promise<number> {
  const t0 = performance.now();
  const answer = await postForm(form, { email: peerEmail(account), password: BENCH_PASSWORD }, clientAddress(n));
  const ms = performance.now() - t0;
  expectRedirect(answer, /^\/account$/, 'better-auth sign-in');
  return ms;
}

/**
 * One sign-in whose answer must carry better-auth's session cookie (set through nextCookies()),
 * and whose cookie must open /account: the peer does the whole job, not a redirect alone.
 */
export async function expectNextPeerSession(form: ParsedForm, account: number): Promise<void> {
  const values: Record<string, string> = { email: peerEmail(account), password: BENCH_PASSWORD };
  const { body, contentType } = multipart(form.fields.map(([name, value]) => [name, values[name] ?? value]));
  const origin = new URL(form.action).origin;
  const answer = await request(form.action, {
    method: 'POST',
    body,
    headers: { origin, 'content-type': contentType, accept: 'text/html' },
  });
  const cookie = (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith('better-auth.session_token='));
  if (answer.status !== 303 || !cookie) {
    throw new Error(
      `better-auth sign-in: ${answer.status} to ${String(answer.headers.location)}, cookies ${JSON.stringify(answer.headers['set-cookie'])}`,
    );
  }
  const page = await request(`${origin}/account`, { headers: { cookie, accept: 'text/html' } });
  if (page.status !== 200 || !page.body.includes('Witaj')) throw new Error(`better-auth /account with its cookie: ${page.status}`);
}
