// Counted nouns in every language: a number picks its noun's form by the CLDR plural rules
// (Intl.PluralRules), here and nowhere else. Polish and Ukrainian nouns have three forms for
// whole numbers (1 znak, 2 znaki, 5 znaków; 1 день, 2 дні, 5 днів), English two.
import type { Locale } from '@/lib/i18n/locales';

/** A noun's forms by plural category; `other` is the form for fractions (and English plurals). */
export type PluralForms = { one: string; few?: string; many?: string; other: string };

const rules = new Map<Locale, Intl.PluralRules>();

/** The form of a noun that `n` takes in `locale`, without the number. */
export function pluralForm(locale: Locale, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const category = rule.select(n);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
}

/** `${n} ${the form of the noun that n takes}`, e.g. counted('pl', 3, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' }) → "3 znaki". */
export function counted(locale: Locale, n: number, forms: PluralForms): string {
  return `${n} ${pluralForm(locale, n, forms)}`;
}
