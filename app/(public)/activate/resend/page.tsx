import type { Metadata } from 'next';
import { LinkRequestForm } from '@/app/(public)/_password/link-request-form';
import { Card, PageTitle } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { resendActivationAction } from './actions';

export const metadata: Metadata = { title: pl.activate.resend.title };

export default function ResendActivationPage() {
  const t = pl.activate.resend;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        <p className="mb-4">{t.intro}</p>
        <LinkRequestForm
          action={resendActivationAction}
          name="email"
          label={t.email}
          type="email"
          autoComplete="email"
          submit={t.submit}
          sentMessage={t.sent}
        />
      </Card>
    </>
  );
}
