import type { ReactNode } from 'react';
import { ClientWords } from '@/components/words/client-words';

// The account's forms check as the patient types, in the patient's language.
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientWords>{children}</ClientWords>;
}
