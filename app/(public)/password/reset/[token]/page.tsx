import type { Metadata } from 'next';
import { TokenPage } from '@/app/(public)/_password/token-page';
import { pl } from '@/lib/messages/pl';

export const metadata: Metadata = { title: pl.activate.resetTitle, referrer: 'origin', robots: { index: false } };

export default async function PasswordResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <TokenPage token={decodeURIComponent(token)} purpose="password_reset" />;
}
