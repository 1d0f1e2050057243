// Registration throughput (GET /register, then the POST of its form with the captcha solved
// from the page, no JavaScript) against its floor, the same SQL statements through postgres.js
// alone, at the same concurrency in the same run; with --million also at 1 000 000 existing
// patients (p95 against p95 at 10 000).
//   npm run bench:register [-- --million --seconds=12 --levels=2,4,8 --build --no-write]
import { performance } from 'node:perf_hooks';
import { seedPatients } from './lib/db';
import { registrationSqlFloor } from './lib/floors';
import { register, registerPage } from './lib/flows';
import { runLevels } from './lib/load';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { againstFloorCells, cpuCells, fmt, table, type RunStats } from './lib/stats';

const BASE = 10_000;
const MILLION = 1_000_000;

main(() =>
  bench('bench:register', async (options, database) => {
    await seedPatients(database.url, 1, BASE);
    const server = await startServer(await freePort(), database.url);
    let large: Map<number, RunStats> | undefined;
    let fillSeconds = 0;
    try {
      console.log(`Registration (GET + POST) over HTTP, ${BASE.toLocaleString('en')} existing patients:`);
      const app = await runLevels(options.levels, options.seconds, (n) => register(server.url, n), {
        label: 'register ',
        serverPid: server.pid,
      });
      // Where a registration's time goes: the page alone (rendered for every visitor: the captcha
      // and the CSP nonce make it dynamic); the post is the rest.
      console.log('GET /register alone:');
      const page = await runLevels(options.levels, options.seconds, (n) => registerPage(server.url, n), {
        label: 'GET /register ',
        serverPid: server.pid,
        warmupSeconds: 1,
      });
      // The floor on the same 10k database (the server waits idle meanwhile).
      console.log('Floor, the same SQL through postgres.js:');
      const floor = await registrationSqlFloor(database.url, options.levels, options.seconds);
      if (options.million) {
        console.log(`Filling to ${MILLION.toLocaleString('en')} patients (generate_series) …`);
        const t0 = performance.now();
        await seedPatients(database.url, BASE + 1, MILLION);
        fillSeconds = (performance.now() - t0) / 1000;
        console.log(`  filled in ${fillSeconds.toFixed(0)} s`);
        console.log(`Registration at ${MILLION.toLocaleString('en')} patients:`);
        large = await runLevels(options.levels, options.seconds, (n) => register(server.url, n), { label: 'register 1M ' });
      }
      await server.stop();
      const rows = options.levels.map((c) => {
        const a = app.get(c)!;
        const f = floor.get(c)!;
        return [...againstFloorCells(c, a, f), ...cpuCells(a), cpuCells(f)[2]!, cpuCells(f)[3]!];
      });
      const splitRows = options.levels.map((c) => {
        const a = app.get(c)!;
        const g = page.get(c)!;
        const loop = (s: RunStats) => s.cpu?.loop ?? Number.NaN;
        const server = (s: RunStats) => s.cpu?.server ?? Number.NaN;
        // With the page's CPU gone (a static shell), the server's CPU per registration bounds its rate.
        const bound = (a.rps * server(a)) / (server(a) - server(g));
        return [
          String(c),
          fmt(g.rps),
          fmt(g.p50),
          fmt(server(g)),
          fmt(loop(g)),
          fmt(server(a) - server(g)),
          fmt(loop(a) - loop(g)),
          fmt(bound),
          fmt(bound / floor.get(c)!.rps, 2),
        ];
      });
      const largeRows = large
        ? options.levels.map((c) => {
            const a = app.get(c)!;
            const l = large!.get(c)!;
            return [String(c), fmt(l.rps), fmt(l.p50), fmt(l.p95), fmt(l.p95 / a.p95, 2)];
          })
        : [];
      publish(
        {
          id: 'register',
          title: 'Registration against its SQL (issue 11)',
          command: `npm run bench:register${options.million ? ' -- --million' : ''}`,
          body: [
            `Each registration is a GET of /register and the POST of its form as a browser without`,
            `JavaScript sends it (multipart, the server action's hidden fields, the captcha question read`,
            `from the page and answered), each from its own X-Forwarded-For; success is the 303 to`,
            `/register/sent. ${BASE.toLocaleString('en')} existing patients with accounts. Floor: the statements`,
            `such a post issues (two rate-limit checks, registerPatient's transaction with its savepoint:`,
            `the 13 statements \`npm run bench:sql\` lists), recorded from the code and replayed through`,
            `postgres.js alone (bench/lib/registration-sql.ts), same concurrency and pool size. Times in ms.`,
            '',
            `CPU milliseconds per registration, read from /proc while the level ran: the server process (all`,
            `its threads), its event loop alone, PostgreSQL, the load generator; and for the floor, PostgreSQL`,
            `and its client (postgres.js) per registration.`,
            '',
            table(
              [
                'concurrency',
                'registrations/s',
                'p50',
                'p95',
                'SQL/s',
                'SQL p50',
                'ratio',
                'CPU: server',
                'event loop',
                'PostgreSQL',
                'bench',
                'floor: PostgreSQL',
                'floor: postgres.js',
              ],
              rows,
            ),
            '',
            `Where a registration's time goes: the GET of /register alone at the same concurrency (its`,
            `CPU per page, server process and event loop) and the POST as the rest (registration minus page).`,
            `"Static page bound": the registrations per second the server's CPU would allow if the page`,
            `cost nothing (a static shell), and that bound against the SQL floor.`,
            '',
            table(
              [
                'concurrency',
                'GET /register/s',
                'p50',
                'CPU: server per page',
                'event loop per page',
                'server per POST',
                'event loop per POST',
                'static page bound/s',
                'bound ÷ floor',
              ],
              splitRows,
            ),
            ...(large
              ? [
                  '',
                  `At ${MILLION.toLocaleString('en')} existing patients with accounts (filled in ${fillSeconds.toFixed(0)} s, then`,
                  `ANALYZE), same server:`,
                  '',
                  table(['concurrency', 'registrations/s', 'p50', 'p95', 'p95 ÷ p95 at 10k'], largeRows),
                ]
              : ['', 'At 1 000 000 patients: `npm run bench:register -- --million`.']),
          ].join('\n'),
        },
        options.seconds,
        options.write,
      );
    } finally {
      await server.stop();
    }
  }),
);
