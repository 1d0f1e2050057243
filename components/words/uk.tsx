'use client';
// The uk words for client components (see components/words-provider.tsx).
import type { ReactNode } from 'react';
import { WordsContext } from '@/components/words-provider';
import { uk } from '@/lib/messages/uk';

export function UkWords({ children }: { children: ReactNode }) {
  return <WordsContext value={uk}>{children}</WordsContext>;
}
