// Sign-in throughput (the POST of the /login form, no JavaScript) against its floor, argon2.verify
// with the app's parameters, at the same concurrency in the same run.
//   npm run bench:signin [-- --seconds=12 --levels=2,4,8 --build --no-write]
import { startBarePage } from './lib/bare-page';
import { benchHash, argonFloor } from './lib/floors';
import { loginForm, signIn } from './lib/flows';
import { expectRedirect, getPage, parseForm, postForm } from './lib/forms';
import { clientAddress, runLevels } from './lib/load';
import { seedPatients } from './lib/db';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { againstFloorCells, cpuCells, table } from './lib/stats';

const ACCOUNTS = 10_000;

main(() =>
  bench('bench:signin', async (options, database) => {
    await seedPatients(database.url, 1, ACCOUNTS, await benchHash());
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
      const bare = await startBarePage();
      let next;
      try {
        const bareForm = parseForm(await getPage(`${bare.url}/`, clientAddress(0)), `${bare.url}/`);
        console.log('A bare Next action POST:');
        next = await runLevels(
          options.levels,
          options.seconds,
          async (n) => expectRedirect(await postForm(bareForm, { name: 'Zofia' }, clientAddress(n)), /^\/done$/, 'bare action'),
          { label: 'bare action ', serverPid: bare.pid },
        );
      } finally {
        await bare.stop();
      }
      const rows = options.levels.map((c) => {
        const a = app.get(c)!;
        const f = floor.get(c)!;
        const [server, loop, postgres, client] = cpuCells(a);
        return [...againstFloorCells(c, a, f), server!, cpuCells(f)[3]!, loop!, cpuCells(next.get(c)!)[1]!, postgres!, client!];
      });
      publish(
        {
          id: 'signin',
          title: 'Sign-in against argon2 (issue 11)',
          command: 'npm run bench:signin',
          body: [
            `The POST of the /login form as a browser without JavaScript sends it (multipart, the server`,
            `action's hidden fields), each from its own X-Forwarded-For, for ${ACCOUNTS.toLocaleString('en')} seeded active`,
            `accounts; success is the 303 to /account. Floor: \`argon2.verify\` with HASH_OPTIONS alone, same`,
            `concurrency. Times in ms.`,
            '',
            `CPU milliseconds per sign-in, read from /proc while the level ran: the server process (all its`,
            `threads: argon2 in libuv's pool, V8's helpers, the event loop), argon2 alone (per verification in`,
            `the floor), the server's event loop alone (JavaScript: Next, React, our code, drizzle,`,
            `postgres.js), the event loop of a bare Next app answering the same kind of no-JavaScript action`,
            `POST with a redirect (bench/bare-page: Next's own share), PostgreSQL, and the load generator.`,
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
                'CPU: server',
                'argon2',
                'event loop',
                'bare Next action',
                'PostgreSQL',
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
