// E-Rejestracja against the library people would pick instead: better-auth (argon2id at the
// app's parameters, the same PostgreSQL server, bench/peer-better-auth), sign-in and sign-up at
// each concurrency, and the app's sign-in and registration in the same run.
//   npm run bench:peer [-- --seconds=12 --levels=2,4,8 --build --no-write]
// Installs the peer's own dependencies (npm ci in bench/peer-better-auth) when missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stopProcess } from '../tests/e2e/servers';
import { createBenchDatabase, onExit, seedPatients } from './lib/db';
import { benchHash } from './lib/floors';
import { BENCH_PASSWORD, loginForm, register, signIn } from './lib/flows';
import { request } from './lib/http';
import { clientAddress, nextSequence, runLevels } from './lib/load';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, ROOT, startServer } from './lib/server';
import { fmt, table } from './lib/stats';

const PEER = path.join(ROOT, 'bench/peer-better-auth');
const ACCOUNTS = 10_000;
const PEER_USERS = 200;

function installPeer() {
  if (existsSync(path.join(PEER, 'node_modules/better-auth'))) return;
  console.log('npm ci in bench/peer-better-auth …');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/peer-better-auth failed');
}

async function startPeer(port: number, databaseUrl: string) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
  };
  const migrate = spawnSync(process.execPath, ['server.mjs', '--migrate'], { cwd: PEER, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`better-auth migration failed:\n${migrate.stderr}`);
  const child = spawn(process.execPath, ['server.mjs'], { cwd: PEER, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopProcess(child, exited, 10_000));
  onExit(stop);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !/peer on/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/peer on/.test(output)) throw new Error(`better-auth peer did not start:\n${output}`);
  return { url, stop };
}

async function postJson(url: string, body: object, n: number): Promise<void> {
  // The same client as the app's flows (bench/lib/http.ts), so both sides pay the same for it.
  const response = await request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: new URL(url).origin, 'x-forwarded-for': clientAddress(n) },
  });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${response.body.slice(0, 300)}`);
}

main(() =>
  bench('bench:peer', async (options, database) => {
    installPeer();
    const { levels, seconds } = options;

    // E-Rejestracja: sign-in of seeded accounts, registration of new patients.
    await seedPatients(database.url, 1, ACCOUNTS, await benchHash());
    const server = await startServer(await freePort(), database.url);
    let appSignIn, appRegister;
    try {
      const form = await loginForm(server.url);
      console.log('E-Rejestracja:');
      appSignIn = await runLevels(levels, seconds, (n) => signIn(form, `seed${(n % ACCOUNTS) + 1}`, n), { label: 'sign-in ' });
      appRegister = await runLevels(levels, seconds, (n) => register(server.url, n), { label: 'register ' });
    } finally {
      await server.stop();
    }

    // better-auth on a database of its own on the same server.
    const peerDatabase = await createBenchDatabase(options.databaseUrl);
    let peerSignIn, peerSignUp;
    try {
      const peer = await startPeer(await freePort(), peerDatabase.url);
      try {
        const signUp = (n: number) =>
          postJson(`${peer.url}/api/auth/sign-up/email`, { name: 'Zofia', email: `peer.${n}@example.pl`, password: BENCH_PASSWORD }, n);
        // The accounts that sign in, made the way users make them (4 at a time).
        const users: number[] = [];
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            while (users.length < PEER_USERS) {
              const n = nextSequence();
              users.push(n);
              await signUp(n);
            }
          }),
        );
        console.log('better-auth:');
        peerSignIn = await runLevels(
          levels,
          seconds,
          (n) =>
            postJson(
              `${peer.url}/api/auth/sign-in/email`,
              { email: `peer.${users[n % PEER_USERS]}@example.pl`, password: BENCH_PASSWORD },
              n,
            ),
          { label: 'sign-in ' },
        );
        peerSignUp = await runLevels(levels, seconds, signUp, { label: 'sign-up ' });
      } finally {
        await peer.stop();
      }
    } finally {
      await peerDatabase.drop();
    }

    const rows = levels.flatMap((c) => {
      const [a, p, r, u] = [appSignIn.get(c)!, peerSignIn.get(c)!, appRegister.get(c)!, peerSignUp.get(c)!];
      return [
        [String(c), 'sign-in', fmt(a.rps), fmt(a.p95), fmt(p.rps), fmt(p.p95), fmt(a.rps / p.rps, 2)],
        [String(c), 'registration / sign-up', fmt(r.rps), fmt(r.p95), fmt(u.rps), fmt(u.p95), fmt(r.rps / u.rps, 2)],
      ];
    });
    publish(
      {
        id: 'peer',
        title: 'Against better-auth (issue 11)',
        command: 'npm run bench:peer',
        body: [
          `better-auth ${peerVersion()} (bench/peer-better-auth: email and password, argon2id with the app's HASH_OPTIONS,`,
          `its Kysely adapter on pg with a pool of 10, a plain Node HTTP server, no session on sign-up, the`,
          `verification email made and dropped) against E-Rejestracja's production build, both on the same`,
          `PostgreSQL server, each request from its own X-Forwarded-For. The app: the sign-in POST of the`,
          `/login form; a registration is GET /register + POST (bench:signin, bench:register). better-auth:`,
          `JSON POSTs to /api/auth/sign-in/email and /api/auth/sign-up/email. p95 in ms; ratio = app ÷ peer.`,
          '',
          table(['concurrency', 'operation', 'app/s', 'app p95', 'better-auth/s', 'better-auth p95', 'ratio'], rows),
        ].join('\n'),
      },
      seconds,
      options.write,
    );
  }),
);

function peerVersion(): string {
  return (JSON.parse(readFileSync(path.join(PEER, 'node_modules/better-auth/package.json'), 'utf8')) as { version: string }).version;
}
