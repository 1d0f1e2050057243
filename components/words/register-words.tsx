'use client';
// The registration form's words in the browser: only the `register` section of each language
// (a few KiB), so /register does not load a whole catalogue (issue 11's page weight).
import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { Catalogue } from '@/lib/messages/catalogue';
import { enRegister } from '@/lib/messages/en-register';
import { plRegister } from '@/lib/messages/pl-register';
import { ukRegister } from '@/lib/messages/uk-register';

type RegisterWords = Catalogue['register'];

const byLocale = { pl: plRegister, en: enRegister, uk: ukRegister } satisfies Record<Locale, RegisterWords>;
const RegisterWordsContext = createContext<RegisterWords | null>(null);

export function RegisterWordsProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <RegisterWordsContext value={byLocale[locale]}>{children}</RegisterWordsContext>;
}

export function useRegisterWords(): RegisterWords {
  const words = useContext(RegisterWordsContext);
  if (!words) throw new Error('useRegisterWords() needs RegisterWordsProvider (app/(public)/register/page.tsx)');
  return words;
}
