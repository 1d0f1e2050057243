'use client';
// The en words for client components (see components/words-provider.tsx).
import type { ReactNode } from 'react';
import { WordsContext } from '@/components/words-provider';
import { en } from '@/lib/messages/en';

export function EnWords({ children }: { children: ReactNode }) {
  return <WordsContext value={en}>{children}</WordsContext>;
}
