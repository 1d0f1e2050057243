// The import graph of the app's code (issue 23): no cycle, type-only imports included, and lib/
// imports nothing from app/, components/ or emails/. `npm run lint` runs the same check.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImportProblems } from '@/scripts/import-cycles';

describe('the import graph of lib/, app/, components/, emails/ and db/', () => {
  it('has no cycle, and lib/ imports nothing from app/, components/ or emails/', () => {
    expect(findImportProblems(process.cwd())).toEqual({ cycles: [], forbidden: [] });
  });
});

describe('findImportProblems', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { moduleResolution: 'bundler', paths: { '@/*': ['./*'] } } }));
  write('lib/messages/pl.ts', "import type { Reason } from '@/lib/use-case';\nexport const pl = {};\n");
  write('lib/use-case.ts', "import '../emails/notice';\nexport type Reason = 'x';\n");
  write('emails/notice.tsx', "export { pl } from '@/lib/messages/pl';\n");
  write('lib/page-words.ts', "import { Button } from '@/components/button';\nexport const words = Button;\n");
  write('components/button.tsx', 'export const Button = 1;\n');
  write('lib/self.ts', "import './self';\n");
  write('lib/action-user.ts', "export async function load() {\n  return import('@/app/actions');\n}\n");
  write('app/actions.ts', 'export const run = 1;\n');

  it('names a cycle made of type-only imports, re-exports and relative paths, and each lib/ import of app/, components/ or emails/', () => {
    expect(findImportProblems(root)).toEqual({
      cycles: [['emails/notice.tsx', 'lib/messages/pl.ts', 'lib/use-case.ts'], ['lib/self.ts']],
      forbidden: [
        'lib/action-user.ts → app/actions.ts',
        'lib/page-words.ts → components/button.tsx',
        'lib/use-case.ts → emails/notice.tsx',
      ],
    });
  });
});
