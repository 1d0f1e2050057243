// Gives the client components below it the request's words. Rendered only around the forms
// that need words in the browser (live checks, plurals, the session clock): a page without
// one, like /login, ships no catalogue at all (issue 11's page-weight goal).
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { requestLocale } from '@/lib/i18n/request-locale';
import { WordsProvider } from './provider';

export async function ClientWords({ children, locale }: { children: ReactNode; locale?: Locale }) {
  return <WordsProvider locale={locale ?? (await requestLocale())}>{children}</WordsProvider>;
}
