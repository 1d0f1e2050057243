'use client';
// The provider of the request's language, loaded on its own: each language's catalogue is a
// separate chunk, and a page loads only the one it renders (measured by `npm run bench:weight`).
import dynamic from 'next/dynamic';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';

const providers = {
  pl: dynamic(() => import('./pl').then((m) => m.PlWords)),
  en: dynamic(() => import('./en').then((m) => m.EnWords)),
  uk: dynamic(() => import('./uk').then((m) => m.UkWords)),
};

export function WordsProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const Words = providers[locale];
  return <Words>{children}</Words>;
}
