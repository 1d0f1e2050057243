import type { Metadata } from 'next';
import { LinkRequestForm } from '@/app/(public)/_password/link-request-form';
import { Card, PageTitle } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { forgotPasswordAction } from './actions';

export const metadata: Metadata = { title: pl.forgot.title };

export default function ForgotPasswordPage() {
  const t = pl.forgot;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        <p className="mb-4">{t.intro}</p>
        <LinkRequestForm
          action={forgotPasswordAction}
          name="identifier"
          label={t.identifier}
          type="text"
          autoComplete="username"
          submit={t.submit}
          sentMessage={t.sent}
        />
      </Card>
    </>
  );
}
