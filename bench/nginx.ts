// Two production instances behind the README's nginx (ops/nginx/e-rejestracja.conf with an
// upstream of two) against one behind the same nginx: sign-in and registration throughput on
// one machine. The instances share one database, as a deployment's would; each trusts two
// proxy hops, so the bench's X-Forwarded-For (one address per request) stays the client's.
//   npm run bench:nginx [-- --seconds=12 --levels=2,4,8 --build --no-write]
import { startNginx } from '../tests/e2e/nginx';
import { onExit, seedPatients } from './lib/db';
import { benchHash } from './lib/floors';
import { loginForm, register, signIn } from './lib/flows';
import { runLevels } from './lib/load';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer, type BenchServer } from './lib/server';
import { fmt, table, type RunStats } from './lib/stats';

const ACCOUNTS = 10_000;

async function measure(instances: BenchServer[], levels: number[], seconds: number) {
  const nginx = await startNginx(
    await freePort(),
    instances.map((s) => s.port),
  );
  onExit(nginx.stop);
  try {
    const form = await loginForm(nginx.url);
    console.log(`${instances.length} instance(s) behind nginx:`);
    const signIns = await runLevels(levels, seconds, (n) => signIn(form, `seed${(n % ACCOUNTS) + 1}`, n), { label: 'sign-in ' });
    const registrations = await runLevels(levels, seconds, (n) => register(nginx.url, n), { label: 'register ' });
    return { signIns, registrations };
  } finally {
    await nginx.stop();
  }
}

main(() =>
  bench('bench:nginx', async (options, database) => {
    const { levels, seconds } = options;
    await seedPatients(database.url, 1, ACCOUNTS, await benchHash());
    const first = await startServer(await freePort(), database.url, { proxyHops: 2 });
    const servers = [first];
    try {
      const one = await measure([first], levels, seconds);
      servers.push(await startServer(await freePort(), database.url, { proxyHops: 2 }));
      const two = await measure(servers, levels, seconds);
      const row = (c: number, what: string, a: RunStats, b: RunStats) => [
        String(c),
        what,
        fmt(a.rps),
        fmt(a.p95),
        fmt(b.rps),
        fmt(b.p95),
        fmt(b.rps / a.rps, 2),
      ];
      const rows = levels.flatMap((c) => [
        row(c, 'sign-in', one.signIns.get(c)!, two.signIns.get(c)!),
        row(c, 'registration', one.registrations.get(c)!, two.registrations.get(c)!),
      ]);
      publish(
        {
          id: 'nginx',
          title: 'One instance or two behind nginx (issue 11)',
          command: 'npm run bench:nginx',
          body: [
            `The README's nginx (ops/nginx/e-rejestracja.conf, its upstream given one or two standalone`,
            `servers on this machine, one shared database) in front; the same sign-in POST and`,
            `registration (GET + POST) as bench:signin and bench:register. p95 in ms; gain = two ÷ one.`,
            '',
            table(['concurrency', 'flow', 'one instance/s', 'p95', 'two instances/s', 'p95', 'gain'], rows),
          ].join('\n'),
        },
        seconds,
        options.write,
      );
    } finally {
      for (const server of servers) await server.stop();
    }
  }),
);
