// The type makes every language have Polish's keys; this checks what the type cannot see: the
// `{slot}`s the pages fill with links and dates, and the lists' lengths.
import { describe, expect, it } from 'vitest';
import { legalCatalogues } from '@/lib/messages/legal';

type Tree = { [key: string]: unknown };

function leaves(tree: unknown, path = ''): Array<[string, unknown]> {
  if (typeof tree === 'object' && tree !== null && !Array.isArray(tree)) {
    return Object.entries(tree as Tree).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  }
  return [[path, tree]];
}

const slots = (value: unknown) => (typeof value === 'string' ? [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : []);

describe('legal texts', () => {
  const polish = new Map(leaves(legalCatalogues.pl));

  it.each(['en', 'uk'] as const)('in %s have the same slots and list lengths as in Polish', (locale) => {
    const other = new Map(leaves(legalCatalogues[locale]));
    expect([...other.keys()].sort()).toEqual([...polish.keys()].sort());
    for (const [path, value] of polish) {
      const theirs = other.get(path);
      expect(slots(theirs), path).toEqual(slots(value));
      if (Array.isArray(value)) expect((theirs as unknown[]).length, path).toBe(value.length);
      if (typeof value === 'function') expect((theirs as () => unknown).length, path).toBe(value.length);
    }
  });

  it('count days the way each language does', () => {
    const { pl, en, uk } = legalCatalogues;
    expect(pl.privacy.retention.blocked(1)).toContain('1 dzień');
    expect(pl.privacy.retention.blocked(30)).toContain('30 dni');
    expect(en.privacy.retention.blocked(1)).toContain('1 day.');
    expect(uk.privacy.retention.blocked(1)).toContain('1 день');
    expect(uk.privacy.retention.blocked(3)).toContain('3 дні');
    expect(uk.privacy.retention.blocked(30)).toContain('30 днів');
    expect(uk.privacy.retention.blocked(21)).toContain('21 день');
    expect(pl.privacy.retention.links(0)).not.toMatch(/\d/);
  });
});
