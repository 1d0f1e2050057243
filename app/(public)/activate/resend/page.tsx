import type { Metadata } from 'next';
import { LinkRequestPage } from '@/app/(public)/_password/link-request-page';
import { words } from '@/lib/i18n/words';
import { resendActivationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).activate.resend.title };
}

export default async function ResendActivationPage() {
  const t = (await words()).activate.resend;
  return <LinkRequestPage text={t} action={resendActivationAction} name="email" label={t.email} type="email" autoComplete="email" />;
}
