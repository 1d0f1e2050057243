// The demo seed carries the demo staff's passwords; a production build must not. The build the
// e2e servers run (NEXT_DIST_DIR, or .next) is searched byte by byte: the server bundle and the
// standalone folder the container ships, including the bundled mail worker.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = path.resolve(process.env.NEXT_DIST_DIR || '.next');
const DEMO_PASSWORDS = ['Rejestracja#2026', 'Administrator#2026'];
// Known to be in the server bundle (lib/env.ts's default): proves the search reads the real code.
const CONTROL = 'Punkt Rejestracji Pacjenta';

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else if (entry.isFile()) yield file;
  }
}

function search(root: string, needles: string[]) {
  const found = new Map<string, string[]>(needles.map((n) => [n, []]));
  const bytes = needles.map((n) => [n, Buffer.from(n, 'utf8')] as const);
  let files = 0;
  for (const file of filesUnder(root)) {
    if (statSync(file).size > 50_000_000) continue; // addons and wasm, not our code
    const content = readFileSync(file);
    files++;
    for (const [needle, b] of bytes) if (content.includes(b)) found.get(needle)!.push(path.relative(DIST, file));
  }
  return { files, found };
}

for (const folder of ['server', 'standalone']) {
  test(`the production build's ${folder} folder holds no demo password`, () => {
    const root = path.join(DIST, folder);
    test.skip(folder === 'standalone' && !existsSync(root), 'no standalone output in this build');
    expect(existsSync(root), `${root} exists: build first (npm run build)`).toBe(true);
    const { files, found } = search(root, [...DEMO_PASSWORDS, CONTROL]);
    expect(files).toBeGreaterThan(10);
    expect(found.get(CONTROL)!.length, `"${CONTROL}" found in ${root}`).toBeGreaterThan(0);
    for (const password of DEMO_PASSWORDS) expect(found.get(password), `files with ${password}`).toEqual([]);
  });
}
