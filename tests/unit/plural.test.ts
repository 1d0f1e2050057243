import { describe, expect, it } from 'vitest';
import { count as countEn } from '@/lib/messages/en-plural';
import { counted, pluralForm } from '@/lib/messages/plural';
import { count as countUk, nouns } from '@/lib/messages/uk-plural';
import { pl } from '@/lib/messages/pl';
import { legalPl } from '@/lib/messages/legal/pl';
import { legalUk } from '@/lib/messages/legal/uk';
import { legalEn } from '@/lib/messages/legal/en';

const znak = { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' };

describe('counted nouns, by the CLDR plural rules', () => {
  it.each([
    [1, '1 znak'],
    [2, '2 znaki'],
    [4, '4 znaki'],
    [5, '5 znaków'],
    [12, '12 znaków'],
    [14, '14 znaków'],
    [22, '22 znaki'],
    [25, '25 znaków'],
    [0, '0 znaków'],
  ])('Polish: %i → %s', (n, text) => {
    expect(counted('pl', n, znak)).toBe(text);
  });

  it.each([
    [1, '1 день'],
    [2, '2 дні'],
    [5, '5 днів'],
    [11, '11 днів'],
    [21, '21 день'],
    [22, '22 дні'],
    [111, '111 днів'],
  ])('Ukrainian: %i → %s', (n, text) => {
    expect(countUk(n, nouns.days)).toBe(text);
  });

  it.each([
    [0, '0 hours'],
    [1, '1 hour'],
    [2, '2 hours'],
    [21, '21 hours'],
  ])('English: %i → %s', (n, text) => {
    expect(countEn(n, 'hour')).toBe(text);
  });

  it('falls back to `other` for a category a noun has no own form for', () => {
    expect(pluralForm('en', 5, { one: 'day', other: 'days' })).toBe('days');
    expect(pluralForm('pl', 1.5, znak)).toBe('znaku');
  });

  it('words the catalogues count with the same rule', () => {
    expect(pl.register.warnings.loginShort(1)).toBe('Login ma 1 znak — wymagane co najmniej 8.');
    expect(pl.register.warnings.loginShort(3)).toBe('Login ma 3 znaki — wymagane co najmniej 8.');
    expect(pl.register.warnings.loginShort(7)).toBe('Login ma 7 znaków — wymagane co najmniej 8.');
    expect(legalPl.privacy.retention.blocked(1)).toContain('1 dzień');
    expect(legalPl.privacy.retention.blocked(30)).toContain('30 dni');
    expect(legalUk.privacy.retention.blocked(21)).toContain('21 день');
    expect(legalUk.privacy.retention.blocked(30)).toContain('30 днів');
    expect(legalEn.privacy.retention.blocked(1)).toContain('1 day.');
  });
});
