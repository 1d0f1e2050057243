'use client';
// The request's words for client components. <ClientWords> (components/words/client-words.tsx),
// placed only around forms that need words in the browser, renders the provider of the request's
// language (components/words/*), which alone imports its catalogue: a page's JavaScript carries
// one language's words, not three. (next-intl's client provider would also ship its ICU runtime
// to every page, for words that are already typed objects.)
import { createContext, useContext } from 'react';
import type { Catalogue } from '@/lib/messages/catalogue';

export const WordsContext = createContext<Catalogue | null>(null);

export function useWords(): Catalogue {
  const words = useContext(WordsContext);
  if (!words) throw new Error('useWords() needs <ClientWords> (components/words/client-words.tsx) around the form');
  return words;
}
