'use client';
// The pl words for client components (see components/words-provider.tsx).
import type { ReactNode } from 'react';
import { WordsContext } from '@/components/words-provider';
import { pl } from '@/lib/messages/pl';

export function PlWords({ children }: { children: ReactNode }) {
  return <WordsContext value={pl}>{children}</WordsContext>;
}
