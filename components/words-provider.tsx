'use client';
// The request's language for client components: the server layout puts it here, and
// `useWords()` gives the matching catalogue. (next-intl's client provider would ship its ICU
// runtime to every page for words that are already typed objects.)
import { createContext, useContext, type ReactNode } from 'react';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import type { Catalogue } from '@/lib/messages/catalogue';

const LocaleContext = createContext<Locale>(defaultLocale);

export function WordsProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useWords(): Catalogue {
  return wordsFor(useContext(LocaleContext));
}
