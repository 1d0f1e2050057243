import type { Metadata } from 'next';
import { LinkRequestPage } from '@/app/(public)/_password/link-request-page';
import { words } from '@/lib/i18n/words';
import { forgotPasswordAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).forgot.title };
}

export default async function ForgotPasswordPage() {
  const t = (await words()).forgot;
  return (
    <LinkRequestPage text={t} action={forgotPasswordAction} name="identifier" label={t.identifier} type="text" autoComplete="username" />
  );
}
