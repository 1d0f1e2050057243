import type { Metadata } from 'next';
import { TokenPage } from '@/app/(public)/_password/token-page';
import { pl } from '@/lib/messages/pl';

// The token is in the address: a Referer carries only the origin, never the path. (Not
// 'no-referrer': with it browsers send `Origin: null` on the form post, which proxy.ts refuses.)
export const metadata: Metadata = { title: pl.activate.title, referrer: 'origin', robots: { index: false } };

export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <TokenPage token={decodeURIComponent(token)} purpose="activation" />;
}
