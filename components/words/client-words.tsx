// Gives the client components below it the request's words. Rendered only around the forms
// that need words in the browser (live checks, plurals, the session clock): a page without
// one, like /login, ships no catalogue at all (issue 11's page-weight goal).
import type { ReactNode } from 'react';
import { requestLocale } from '@/lib/i18n/request-locale';
import { WordsProvider } from './provider';

export async function ClientWords({ children }: { children: ReactNode }) {
  // Staff paths get Polish from requestLocale itself.
  return <WordsProvider locale={await requestLocale()}>{children}</WordsProvider>;
}
