// The JavaScript /register and /login make a browser load, against a bare Next 16 page with one
// useActionState form (bench/bare-page, built in the run with the repository's next and react).
// Chromium (playwright, /usr/bin/chromium or CHROMIUM_PATH) opens each page; every script
// response it loads is gzipped here at zlib's default level (what Next's compression serves)
// and summed. The HTML document is reported the same way.
//   npm run bench:weight [-- --build --no-write]
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { startBarePage } from './lib/bare-page';
import { publish } from './lib/report';
import { bench, main } from './lib/run';
import { freePort, startServer } from './lib/server';
import { fmt, table } from './lib/stats';

const kib = (bytes: number) => fmt(bytes / 1024);

interface Weight {
  scripts: number;
  raw: number;
  gzip: number;
  htmlGzip: number;
}

async function weigh(urls: string[]): Promise<Map<string, Weight>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  const found = new Map<string, Weight>();
  try {
    for (const url of urls) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies: Array<Promise<Buffer | null>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        const body = response.body().catch(() => null);
        bodies.push(body);
        // BENCH_DETAIL=1 lists each script with its gzip size: what a page ships beyond the bare one.
        if (process.env.BENCH_DETAIL) void body.then((b) => b && console.log(`    ${kib(gzipSync(b).length)} KiB  ${response.url()}`));
      });
      const document = await page.goto(url, { waitUntil: 'networkidle' });
      const html = (await document?.body()) ?? Buffer.alloc(0);
      const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      found.set(url, {
        scripts: scripts.length,
        raw: scripts.reduce((sum, b) => sum + b.length, 0),
        gzip: scripts.reduce((sum, b) => sum + gzipSync(b).length, 0),
        htmlGzip: gzipSync(html).length,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}

main(() =>
  bench('bench:weight', async (options, database) => {
    const bare = await startBarePage();
    const server = await startServer(await freePort(), database.url);
    try {
      const pages = { '/register': `${server.url}/register`, '/login': `${server.url}/login`, 'bare page': `${bare.url}/` };
      const weights = await weigh(Object.values(pages));
      const base = weights.get(pages['bare page'])!;
      const rows = Object.entries(pages).map(([name, url]) => {
        const w = weights.get(url)!;
        const row = [name, String(w.scripts), kib(w.raw), kib(w.gzip), fmt(w.gzip / base.gzip, 2) + '×', kib(w.htmlGzip)];
        console.log(`  ${row.join('  ')}`);
        return row;
      });
      publish(
        {
          id: 'weight',
          title: 'JavaScript of /register and /login (issue 11)',
          command: 'npm run bench:weight',
          body: [
            `Every script Chromium loads for the page (playwright, until the network is idle), gzipped at`,
            `zlib's default level; the bare page is bench/bare-page (one useActionState form, built in the`,
            `run with the repository's next and react). KiB; ratio = gzip ÷ the bare page's gzip.`,
            '',
            table(['page', 'scripts', 'JS KiB', 'JS KiB gzip', 'ratio', 'HTML KiB gzip'], rows),
          ].join('\n'),
        },
        0,
        options.write,
      );
    } finally {
      await server.stop();
      await bare.stop();
    }
  }),
);
