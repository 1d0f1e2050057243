// SQL statements per request: the production server talks to PostgreSQL through a counting proxy
// (bench/lib/sql-counter.ts) while one request of each kind is made, one at a time; every
// statement sent on the wire is counted (`begin`, `savepoint` and `commit` included) and listed.
//   npm run bench:sql [-- --build --no-write]
import { setTimeout as sleep } from 'node:timers/promises';
import { seedPatients } from './lib/db';
import { BENCH_PASSWORD, captchaAnswer, loginForm, registrant, signIn } from './lib/flows';
import { expectRedirect, getPage, parseForm, postForm } from './lib/forms';
import { clientAddress } from './lib/load';
import { benchHash } from './lib/floors';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { startSqlCounter, type SqlCounter } from './lib/sql-counter';
import { table } from './lib/stats';

/** What `request` sent, once the server has been quiet for a moment before and after it. */
async function statementsOf(counter: SqlCounter, request: () => Promise<unknown>): Promise<string[]> {
  await sleep(300);
  counter.take();
  await request();
  await sleep(300);
  return counter.take();
}

const oneLine = (statement: string) => statement.replace(/\s+/g, ' ').trim().slice(0, 110);

main(() =>
  bench('bench:sql', async (options, database) => {
    await seedPatients(database.url, 1, 100, await benchHash());
    const target = new URL(database.url);
    const counter = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
    const viaCounter = new URL(database.url);
    viaCounter.hostname = '127.0.0.1';
    viaCounter.port = String(counter.port);
    const server = await startServer(await freePort(), viaCounter.toString());
    try {
      // Warm-up: every statement prepared once on some connection, like a server in service.
      const form = await loginForm(server.url);
      for (let i = 0; i < 12; i++) await signIn(form, `seed${i + 1}`, 900 + i);
      const registration = async (n: number, count = false) => {
        const page = `${server.url}/register`;
        const html = await getPage(page, clientAddress(n));
        const parsed = parseForm(html, page);
        const post = async () => {
          const answer = await postForm(parsed, { ...registrant(n), captchaAnswer: captchaAnswer(html) }, clientAddress(n));
          expectRedirect(answer, /^\/register\/sent$/, 'registration');
        };
        // Only the POST is counted: its page was fetched before.
        return count ? statementsOf(counter, post) : post().then(() => []);
      };
      for (let i = 0; i < 12; i++) await registration(5000 + i);
      const wrongPassword = async () => {
        const answer = await postForm(form, { login: 'seed51', password: `${BENCH_PASSWORD}x` }, clientAddress(51));
        if (answer.status !== 200) throw new Error(`wrong password: ${answer.status}`);
      };
      const measured: Array<[string, string[]]> = [
        ['GET /login', await statementsOf(counter, () => getPage(`${server.url}/login`, clientAddress(1)))],
        ['sign-in POST (patient, no second factor)', await statementsOf(counter, () => signIn(form, 'seed50', 50))],
        ['sign-in POST, wrong password', await statementsOf(counter, wrongPassword)],
        ['GET /register', await statementsOf(counter, () => getPage(`${server.url}/register`, clientAddress(2)))],
        ['registration POST', await registration(7007, true)],
      ];
      const rows = measured.map(([what, statements]) => [what, String(statements.length)]);
      const lists = measured
        .filter(([, statements]) => statements.length)
        .map(([what, statements]) => [`${what}:`, '', ...statements.map((s, i) => `${i + 1}. \`${oneLine(s)}\``), ''].join('\n'));
      publish(
        {
          id: 'sql',
          title: 'SQL statements per request (issue 11)',
          command: 'npm run bench:sql',
          body: [
            'Every statement the production server sends to PostgreSQL, counted on the wire by a proxy',
            'between the two (simple queries and executes of the extended protocol; `begin`, `savepoint`,',
            '`commit` included), one request at a time after a warm-up. Active accounts with no second factor.',
            '',
            table(['request', 'statements'], rows),
            '',
            ...lists,
          ].join('\n'),
        },
        0,
        options.write,
      );
    } finally {
      await server.stop();
      await counter.close();
    }
  }),
);
