// E-Rejestracja against the library people would pick instead: better-auth 1.7.25 (argon2id at
// the app's parameters, the same PostgreSQL server) in two forms — the fair peer, a Next 16 app
// as better-auth's Next.js guide shows it (bench/peer-better-auth-next: its route handler, and
// no-JavaScript forms whose server actions call auth.api), and its plain Node HTTP server
// (bench/peer-better-auth, JSON posts) — sign-in and sign-up at each concurrency, against the
// app's sign-in and its registration plus activation in the same run.
//   npm run bench:peer [-- --seconds=12 --levels=2,4,8 --build --no-write]
// Installs each peer's own dependencies (npm ci in its folder) when missing and builds the Next
// peer in every run (bench/lib/peer-next.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { createBenchDatabase, seedPatients } from './lib/db';
import { benchHash } from './lib/floors';
import { activate, BENCH_PASSWORD, loginForm, register, signIn } from './lib/flows';
import { request } from './lib/http';
import { clientAddress, nextSequence, runLevels } from './lib/load';
import {
  expectNextPeerSession,
  installPeerPackages,
  nextPeerSignIn,
  nextPeerSignInForm,
  nextPeerSignUp,
  PEER_NEXT,
  peerEmail,
  startNextPeer,
} from './lib/peer-next';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, ROOT, startServer } from './lib/server';
import { startService } from './lib/service';
import { fmt, table, type RunStats } from './lib/stats';

const PEER = path.join(ROOT, 'bench/peer-better-auth');
const ACCOUNTS = 10_000;
const PEER_USERS = 200;

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
  const { pid, output, stop } = startService(['server.mjs'], { cwd: PEER, env });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !/peer on/.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/peer on/.test(output())) throw new Error(`better-auth peer did not start:\n${output()}`);
  return { url, pid, stop };
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

/** The accounts that sign in, made the way users make them (4 at a time); their numbers. */
async function makeUsers(signUp: (n: number) => Promise<void>): Promise<number[]> {
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
  return users;
}

type Levels = Map<number, RunStats>;

main(() =>
  bench('bench:peer', async (options, database) => {
    installPeerPackages(PEER);
    const { levels, seconds } = options;

    // E-Rejestracja: sign-in of seeded accounts; registration and activation of new patients.
    await seedPatients(database.url, 1, ACCOUNTS, await benchHash());
    const server = await startServer(await freePort(), database.url);
    // The bench reads each activation link from the outbox, as the app's tests do.
    const outbox = postgres(database.url, { max: Math.max(...levels), onnotice: () => {} });
    let appSignIn: Levels, appRegister: Levels;
    try {
      const form = await loginForm(server.url);
      console.log('E-Rejestracja:');
      const pid = server.pid;
      appSignIn = await runLevels(levels, seconds, (n) => signIn(form, `seed${(n % ACCOUNTS) + 1}`, n), {
        label: 'sign-in ',
        serverPid: pid,
      });
      // The posts that end in an account the patient can sign in to.
      const registerAndActivate = (n: number) => register(server.url, n).then(() => activate(server.url, outbox, n));
      appRegister = await runLevels(levels, seconds, registerAndActivate, {
        label: 'registration + activation ',
        serverPid: pid,
      });
    } finally {
      await outbox.end();
      await server.stop();
    }

    // better-auth in its own Next app, on a database of its own on the same server.
    const nextDatabase = await createBenchDatabase(options.databaseUrl);
    let nextSignIn: Levels, nextSignUp: Levels;
    try {
      const peer = await startNextPeer(nextDatabase.url);
      try {
        const signUp = (n: number) => nextPeerSignUp(peer.url, n);
        const users = await makeUsers(signUp);
        const form = await nextPeerSignInForm(peer.url);
        await expectNextPeerSession(form, users[0]!);
        console.log('better-auth in Next:');
        nextSignIn = await runLevels(levels, seconds, (n) => nextPeerSignIn(form, users[n % PEER_USERS]!, n), {
          label: 'sign-in ',
          serverPid: peer.pid,
        });
        nextSignUp = await runLevels(levels, seconds, signUp, { label: 'sign-up ', serverPid: peer.pid });
      } finally {
        await peer.stop();
      }
    } finally {
      await nextDatabase.drop();
    }

    // better-auth's plain Node server, on a database of its own on the same server.
    const peerDatabase = await createBenchDatabase(options.databaseUrl);
    let plainSignIn: Levels, plainSignUp: Levels;
    try {
      const peer = await startPeer(await freePort(), peerDatabase.url);
      try {
        const signUp = (n: number) =>
          postJson(`${peer.url}/api/auth/sign-up/email`, { name: 'Zofia', email: peerEmail(n), password: BENCH_PASSWORD }, n);
        const users = await makeUsers(signUp);
        console.log('better-auth, plain Node server:');
        plainSignIn = await runLevels(
          levels,
          seconds,
          (n) => postJson(`${peer.url}/api/auth/sign-in/email`, { email: peerEmail(users[n % PEER_USERS]!), password: BENCH_PASSWORD }, n),
          { label: 'sign-in ', serverPid: peer.pid },
        );
        plainSignUp = await runLevels(levels, seconds, signUp, { label: 'sign-up ', serverPid: peer.pid });
      } finally {
        await peer.stop();
      }
    } finally {
      await peerDatabase.drop();
    }

    const row = (c: number, operation: string, app: RunStats, peer: string, other: RunStats) => [
      String(c),
      operation,
      fmt(app.rps),
      fmt(app.p95),
      peer,
      fmt(other.rps),
      fmt(other.p95),
      fmt(app.rps / other.rps, 2),
    ];
    const rows = levels.flatMap((c) => [
      row(c, 'sign-in', appSignIn.get(c)!, 'in Next', nextSignIn.get(c)!),
      row(c, 'sign-in', appSignIn.get(c)!, 'plain Node', plainSignIn.get(c)!),
      row(c, 'registration + activation ÷ sign-up', appRegister.get(c)!, 'in Next', nextSignUp.get(c)!),
      row(c, 'registration + activation ÷ sign-up', appRegister.get(c)!, 'plain Node', plainSignUp.get(c)!),
    ]);
    publish(
      {
        id: 'peer',
        title: 'Against better-auth (issues 11 and 24)',
        command: 'npm run bench:peer',
        body: [
          `better-auth ${peerVersion()}: email and password, argon2id with the app's HASH_OPTIONS, its Kysely`,
          `adapter on pg with a pool of 10, no session on sign-up, the verification email made and dropped;`,
          `"in Next" is the fair peer (bench/peer-better-auth-next, next build, standalone server): its`,
          `route handler at app/api/auth/[...all] and no-JavaScript forms whose server actions call`,
          `auth.api.signInEmail / signUpEmail with nextCookies() and redirect (303); "plain Node" is its`,
          `plain Node HTTP server taking JSON (bench/peer-better-auth). Against E-Rejestracja's production`,
          `build, all on the same PostgreSQL server, driven by the same client, each request from its own`,
          `X-Forwarded-For. Sign-in: the POST of the form read once (/login; /sign-in), or the JSON POST.`,
          `Registration + activation: GET /register + POST, then GET of the emailed /activate link (read`,
          `from the outbox) + POST of the password; sign-up: GET /sign-up + POST, or the JSON POST.`,
          `p95 in ms; ratio = app ÷ peer.`,
          '',
          table(['concurrency', 'operation', 'app/s', 'app p95', 'better-auth', 'better-auth/s', 'better-auth p95', 'ratio'], rows),
        ].join('\n'),
      },
      seconds,
      options.write,
    );
  }),
);

/** better-auth's version as installed in both peers (one figure when they agree). */
function peerVersion(): string {
  const version = (folder: string) =>
    (JSON.parse(readFileSync(path.join(folder, 'node_modules/better-auth/package.json'), 'utf8')) as { version: string }).version;
  const [next, plain] = [version(PEER_NEXT), version(PEER)];
  return next === plain ? next : `${next} (in Next) and ${plain} (plain Node)`;
}
