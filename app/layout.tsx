import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { pl } from '@/lib/messages/pl';
import './globals.css';

export const metadata: Metadata = {
  title: { default: pl.app.name, template: `%s — ${pl.app.name}` },
  description: pl.app.tagline,
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts).
  await headers();
  return (
    <html lang="pl">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {pl.app.skipToContent}
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <a href="/login" className="text-lg font-bold">
              {pl.app.name}
            </a>
            <span className="text-sm">{pl.app.tagline}</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
