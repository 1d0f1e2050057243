'use client';
// The request's language for client components. The root layout renders the provider of that
// language (components/words/*), which alone imports its catalogue: a page's JavaScript carries
// one language's words, not three. (next-intl's client provider would also ship its ICU runtime
// to every page, for words that are already typed objects.)
import { createContext, useContext } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { Catalogue } from '@/lib/messages/catalogue';

export const WordsContext = createContext<{ locale: Locale; t: Catalogue } | null>(null);

function useLanguage() {
  const language = useContext(WordsContext);
  if (!language) throw new Error('useWords() needs a language provider (app/layout.tsx renders one)');
  return language;
}

export function useLocale(): Locale {
  return useLanguage().locale;
}

export function useWords(): Catalogue {
  return useLanguage().t;
}
