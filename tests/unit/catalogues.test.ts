// Every language's catalogue has the same keys as every other, the same functions with the same
// number of parameters, and no empty text. `satisfies Catalogue` already checks this at compile
// time; this test checks the objects themselves, so a catalogue typed loosely (`as Catalogue`, a
// placeholder, a spread) cannot slip a gap through.
import { describe, expect, it } from 'vitest';
import type { StaffOnly } from '@/lib/messages/catalogue';
import { en } from '@/lib/messages/en';
import { pl } from '@/lib/messages/pl';
import { uk } from '@/lib/messages/uk';

/** What sits at one path: text, a function of n parameters, or a nested list. */
type Kind = 'text' | 'list' | `function of ${number}` | `unexpected ${string}`;

/** Sample arguments: strings, so both `${n}` and number arithmetic (by coercion) yield text. */
const SAMPLE = '2';

function kindOf(value: unknown): Kind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'function') return `function of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'list';
  return `unexpected ${typeof value}`;
}

/** Every path in the catalogue ("register.labels.pesel", "selfService.delete.consequences.0") with its kind. */
function shapeOf(catalogue: object): Map<string, Kind> {
  const shape = new Map<string, Kind>();
  const walk = (value: object, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      shape.set(path, kindOf(child));
      if (typeof child === 'object' && child !== null) walk(child, path);
    }
  };
  walk(catalogue, '');
  return shape;
}

/** What `other` lacks, has extra or has of another kind, compared with `reference`. */
function differences(reference: object, other: object): string[] {
  const expected = shapeOf(reference);
  const actual = shapeOf(other);
  const found: string[] = [];
  for (const [path, kind] of expected) {
    const theirs = actual.get(path);
    if (theirs === undefined) found.push(`missing ${path}`);
    else if (theirs !== kind) found.push(`${path}: ${theirs}, expected ${kind}`);
  }
  for (const path of actual.keys()) if (!expected.has(path)) found.push(`extra ${path}`);
  return found;
}

/** Texts that are empty or only spaces, and functions that return such text (or no text) for sample arguments. */
function emptyTexts(catalogue: object): string[] {
  const found: string[] = [];
  const walk = (value: object, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof child === 'string' && child.trim() === '') found.push(path);
      if (typeof child === 'function') {
        const result: unknown = child(...Array.from({ length: child.length }, () => SAMPLE));
        if (typeof result !== 'string' || result.trim() === '') found.push(`${path}()`);
      }
      if (typeof child === 'object' && child !== null) walk(child, path);
    }
  };
  walk(catalogue, '');
  return found;
}

/** The catalogue without the staff-only sections, which a placeholder (`= pl`) still carries. */
function patientFacing(catalogue: object): object {
  const staffOnly: Record<StaffOnly, true> = { admin: true, devMail: true };
  return Object.fromEntries(Object.entries(catalogue).filter(([key]) => !Object.hasOwn(staffOnly, key)));
}

/** Empty by design: the translation set beside the desk's configured Polish name (lib/desk-name.ts). */
const emptyOnPurpose: Record<string, string[]> = { pl: ['facility.deskTranslation'] };

const catalogues: [string, object][] = [
  ['pl', patientFacing(pl)],
  ['en', patientFacing(en)],
  ['uk', patientFacing(uk)],
];
const pairs = catalogues.flatMap(([a, one]) => catalogues.filter(([b]) => b !== a).map(([b, other]) => [a, one, b, other] as const));

describe('language catalogues', () => {
  it.each(pairs)('%s has every key %s has, of the same kind', (_a, one, _b, other) => {
    expect(differences(one, other)).toEqual([]);
  });

  it.each(catalogues)('%s has no empty text', (name, catalogue) => {
    expect(emptyTexts(catalogue).filter((path) => !emptyOnPurpose[name]?.includes(path))).toEqual([]);
  });

  it('has no empty text on purpose but the desk translation Polish does not need', () => {
    expect(catalogues.map(([name, catalogue]) => [name, emptyTexts(catalogue)])).toEqual([
      ['pl', emptyOnPurpose.pl],
      ['en', []],
      ['uk', []],
    ]);
  });

  it('leaves the staff-only sections out of the comparison', () => {
    const paths = [...shapeOf(patientFacing(pl)).keys()];
    expect(paths.some((path) => path.startsWith('admin') || path.startsWith('devMail'))).toBe(false);
    expect(paths).toContain('selfService.delete.consequences.0');
  });
});

describe('the catalogue comparison itself', () => {
  const reference = {
    title: 'Title',
    count: (n: number) => `${n} items`,
    list: ['one', 'two'],
    nested: { label: 'Label', hint: 'Hint' },
  };

  it('finds nothing in a faithful copy', () => {
    const copy = {
      title: 'Tytuł',
      count: (n: number) => `${n} rzeczy`,
      list: ['jeden', 'dwa'],
      nested: { label: 'Etykieta', hint: 'Podpowiedź' },
    };
    expect(differences(reference, copy)).toEqual([]);
    expect(differences(copy, reference)).toEqual([]);
    expect(emptyTexts(copy)).toEqual([]);
  });

  it('reports a missing key and an extra one', () => {
    const broken = { title: 'Title', count: (n: number) => `${n} items`, list: ['one', 'two'], nested: { label: 'Label', hnt: 'Hint' } };
    expect(differences(reference, broken)).toEqual(['missing nested.hint', 'extra nested.hnt']);
    expect(differences(broken, reference)).toEqual(['missing nested.hnt', 'extra nested.hint']);
  });

  it('reports a function with a different number of parameters', () => {
    const broken = { ...reference, count: () => 'items' };
    expect(differences(reference, broken)).toEqual(['count: function of 0, expected function of 1']);
  });

  it('reports text where the reference has a function or a nested list', () => {
    const broken = { ...reference, count: '2 items', nested: 'Label' };
    expect(differences(reference, broken)).toEqual([
      'count: text, expected function of 1',
      'nested: text, expected list',
      'missing nested.label',
      'missing nested.hint',
    ]);
  });

  it('reports a list of another length', () => {
    expect(differences(reference, { ...reference, list: ['one'] })).toEqual(['missing list.1']);
  });

  it('reports empty text and a function that returns none', () => {
    const broken = { ...reference, title: ' ', count: () => '', nested: { label: '', hint: 'Hint' } };
    expect(emptyTexts(broken)).toEqual(['title', 'count()', 'nested.label']);
  });
});
