// Sign-in throughput (the POST of the /login form, no JavaScript) against its floors, at the same
// concurrency in the same run: argon2.verify with the app's parameters alone, and a bare Next app
// whose form action reads one row by primary key, verifies and sets a cookie (what any Next
// sign-in must pay).
//   npm run bench:signin [-- --seconds=12 --levels=2,4,8 --build --no-write]
import { startBarePage } from './lib/bare-page';
import { benchHash, argonFloor, seedFloorAccounts } from './lib/floors';
import { loginForm, signIn } from './lib/flows';
import { expectRedirect, getPage, parseForm, postForm } from './lib/forms';
import { clientAddress, runLevels } from './lib/load';
import { seedPatients } from './lib/db';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { againstFloorCells, cpuCells, fmt, table } from './lib/stats';

const ACCOUNTS = 10_000;

main(() =>
  bench('bench:signin', async (options, database) => {
    const hash = await benchHash();
    await seedPatients(database.url, 1, ACCOUNTS, hash);
    await seedFloorAccounts(database.url, ACCOUNTS, hash);
    const server = await startServer(await freePort(), database.url);
    try {
      const form = await loginForm(server.url);
      console.log('Sign-in POST over HTTP:');
      const app = await runLevels(options.levels, options.seconds, (n) => signIn(form, `seed${(n % ACCOUNTS) + 1}`, n), {
        label: 'sign-in ',
        serverPid: server.pid,
      });
      await server.stop();
      console.log('Floor, argon2.verify alone:');
      const floor = await argonFloor(options.levels, options.seconds);
      // Next's own share: the same kind of POST (a no-JavaScript action post answered by a
      // redirect) to a bare Next app whose action does nothing else.
      const bare = await startBarePage({ DATABASE_URL: database.url });
      let next, nextFloor;
      try {
        const bareForm = parseForm(await getPage(`${bare.url}/`, clientAddress(0)), `${bare.url}/`);
        console.log('A bare Next action POST:');
        next = await runLevels(
          options.levels,
          options.seconds,
          async (n) => expectRedirect(await postForm(bareForm, { name: 'Zofia' }, clientAddress(n)), /^\/done$/, 'bare action'),
          { label: 'bare action ', serverPid: bare.pid },
        );
        // The floor of a whole sign-in in Next, posted as the /login form is (bench/bare-page/app/sign-in).
        const floorForm = parseForm(await getPage(`${bare.url}/sign-in`, clientAddress(0)), `${bare.url}/sign-in`);
        console.log('Floor, a bare Next sign-in (one row, argon2.verify, a cookie):');
        nextFloor = await runLevels(options.levels, options.seconds, (n) => signIn(floorForm, `seed${(n % ACCOUNTS) + 1}`, n), {
          label: 'Next floor ',
          serverPid: bare.pid,
        });
      } finally {
        await bare.stop();
      }
      const rows = options.levels.map((c) => {
        const a = app.get(c)!;
        const f = floor.get(c)!;
        const n = nextFloor.get(c)!;
        const [server, loop, postgres, client] = cpuCells(a);
        const [floorServer, floorLoop, floorPostgres] = cpuCells(n);
        return [
          ...againstFloorCells(c, a, f),
          fmt(n.rps),
          fmt(a.rps / n.rps, 2),
          server!,
          floorServer!,
          cpuCells(f)[3]!,
          loop!,
          floorLoop!,
          cpuCells(next.get(c)!)[1]!,
          postgres!,
          floorPostgres!,
          client!,
        ];
      });
      publish(
        {
          id: 'signin',
          title: 'Sign-in against argon2 and a bare Next sign-in (issues 11, 24)',
          command: 'npm run bench:signin',
          body: [
            `The POST of the /login form as a browser without JavaScript sends it (multipart, the server`,
            `action's hidden fields), each from its own X-Forwarded-For, for ${ACCOUNTS.toLocaleString('en')} seeded active`,
            `accounts; success is the 303 to /account. Floors, same concurrency: \`argon2.verify\` with`,
            `HASH_OPTIONS alone (ratio), and the Next floor (÷ Next floor): a bare Next 16 app (bench/bare-page,`,
            `built with the repository's next and react, \`next start\`) whose plain \`<form action>\` reads one`,
            `row by primary key through postgres.js (pool of 10, as the app's), runs \`argon2.verify\` on the same`,
            `hash, sets an httpOnly cookie and redirects (303), posted the same way by the same client for the`,
            `same logins — what any Next sign-in must pay. Times in ms.`,
            '',
            `CPU milliseconds per sign-in, read from /proc while the level ran: the server process (all its`,
            `threads: argon2 in libuv's pool, V8's helpers, the event loop) of the app and of the Next floor,`,
            `argon2 alone (per verification in the argon2 floor), the event loop alone (JavaScript: Next,`,
            `React, our code, drizzle, postgres.js) of the app and of the Next floor, the event loop of the`,
            `bare app answering a no-JavaScript action POST with a redirect and nothing else (Next's own`,
            `share), PostgreSQL under the app and under the Next floor, and the load generator.`,
            '',
            table(
              [
                'concurrency',
                'sign-in/s',
                'p50',
                'p95',
                'argon2/s',
                'argon2 p50',
                'ratio',
                'Next floor/s',
                '÷ Next floor',
                'CPU: server',
                'Next floor server',
                'argon2',
                'event loop',
                'Next floor event loop',
                'bare Next action',
                'PostgreSQL',
                'Next floor PostgreSQL',
                'bench',
              ],
              rows,
            ),
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
