import type { Metadata } from 'next';
import { LinkRequestPage } from '@/app/(public)/_password/link-request-page';
import { pl } from '@/lib/messages/pl';
import { resendActivationAction } from './actions';

export const metadata: Metadata = { title: pl.activate.resend.title };

export default function ResendActivationPage() {
  const t = pl.activate.resend;
  return <LinkRequestPage text={t} action={resendActivationAction} name="email" label={t.email} type="email" autoComplete="email" />;
}
