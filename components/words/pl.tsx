'use client';
// The pl words for client components (see components/words-provider.tsx).
import type { ReactNode } from 'react';
import { WordsContext } from '@/components/words-provider';
import { pl } from '@/lib/messages/pl';

const language = { locale: 'pl', t: pl } as const;

export function PlWords({ children }: { children: ReactNode }) {
  return <WordsContext value={language}>{children}</WordsContext>;
}
