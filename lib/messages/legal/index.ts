// The legal pages' texts in every language, keyed by locale.
import type { Locale } from '@/lib/i18n/locales';
import type { LegalCatalogue } from './catalogue';
import { legalEn } from './en';
import { legalPl } from './pl';
import { legalUk } from './uk';

export const legalCatalogues = { pl: legalPl, en: legalEn, uk: legalUk } satisfies Record<Locale, LegalCatalogue>;

export function legalWordsFor(locale: Locale): LegalCatalogue {
  return legalCatalogues[locale];
}
