import type { Metadata } from 'next';
import { TokenPage } from '@/app/(public)/_password/token-page';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).activate.resetTitle, referrer: 'origin', robots: { index: false } };
}

export default async function PasswordResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <TokenPage token={decodeURIComponent(token)} purpose="password_reset" />;
}
