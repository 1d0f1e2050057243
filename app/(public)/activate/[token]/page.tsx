import type { Metadata } from 'next';
import { TokenPage } from '@/components/password/token-page';
import { pl } from '@/lib/messages/pl';

// The token is in the address: never send it onwards in a Referer header.
export const metadata: Metadata = { title: pl.activate.title, referrer: 'no-referrer', robots: { index: false } };

export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <TokenPage token={decodeURIComponent(token)} purpose="activation" />;
}
