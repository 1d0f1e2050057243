import type { Metadata } from 'next';
import { TokenPage } from '@/app/(public)/_password/token-page';
import { words } from '@/lib/i18n/words';

// The token is in the address: a Referer carries only the origin, never the path. (Not
// 'no-referrer': with it browsers send `Origin: null` on the form post, which proxy.ts refuses.)
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).activate.title, referrer: 'origin', robots: { index: false } };
}

export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <TokenPage token={decodeURIComponent(token)} purpose="activation" />;
}
