import type { Metadata } from 'next';
import { LinkRequestPage } from '@/app/(public)/_password/link-request-page';
import { pl } from '@/lib/messages/pl';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: pl.forgot.title };

export default function ForgotPasswordPage() {
  const t = pl.forgot;
  return (
    <LinkRequestPage text={t} action={forgotPasswordAction} name="identifier" label={t.identifier} type="text" autoComplete="username" />
  );
}
