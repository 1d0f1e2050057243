import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '@/components/language-switcher';
import { SiteFooter } from '@/components/site-footer';
import { EnWords } from '@/components/words/en';
import { PlWords } from '@/components/words/pl';
import { UkWords } from '@/components/words/uk';
import { isStaffPath, requestLocale } from '@/lib/i18n/request-locale';
import { wordsFor } from '@/lib/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = wordsFor(await requestLocale());
  return { title: { default: t.app.name, template: `%s — ${t.app.name}` }, description: t.app.tagline };
}

/** Each language's provider: a page loads only the one it renders. */
const providers = { pl: PlWords, en: EnWords, uk: UkWords };

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  const path = (await headers()).get('x-request-path') ?? '/';
  const locale = await requestLocale();
  const t = wordsFor(locale);
  const Words = providers[locale];
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t.app.skipToContent}
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <a href="/login" className="text-lg font-bold">
              {t.app.name}
            </a>
            <span className="text-sm">{t.app.tagline}</span>
            {isStaffPath(path) ? null : <LanguageSwitcher current={locale} label={t.chrome.language} path={path} />}
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          <Words>{children}</Words>
        </main>
        <SiteFooter label={t.chrome.footer} accessibility={t.chrome.accessibility} privacy={t.chrome.privacy} />
      </body>
    </html>
  );
}
