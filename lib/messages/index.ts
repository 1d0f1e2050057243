// Every language's catalogue, keyed by locale. Server code asks for the request's words with
// `words()` (lib/i18n/words.ts); client components with `useWords()`; emails with
// `wordsFor(account.locale)`.
import type { Locale } from '@/lib/i18n/locales';
import type { Catalogue } from './catalogue';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

const catalogues = { pl, en, uk } satisfies Record<Locale, Catalogue>;

export function wordsFor(locale: Locale): Catalogue {
  return catalogues[locale];
}
