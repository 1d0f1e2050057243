import { Card, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { inspectToken } from '@/lib/account/inspect-account-token';
import { env } from '@/lib/env';
import { pl } from '@/lib/messages/pl';
import { InvalidLink } from './invalid-link';
import { PasswordForm } from './password-form';

/** The page behind an emailed link: the password form, or why the link no longer works. */
export async function TokenPage({ token, purpose }: { token: string; purpose: 'activation' | 'password_reset' }) {
  const info = await inspectToken(await getDb(), purpose, token);
  if (info.state !== 'valid') return <InvalidLink state={info.state} purpose={purpose} />;
  const activation = purpose === 'activation';
  return (
    <>
      <PageTitle>{activation ? pl.activate.title : pl.activate.resetTitle}</PageTitle>
      <Card>
        <p className="mb-4">{activation ? pl.activate.intro : pl.activate.resetIntro}</p>
        <PasswordForm purpose={purpose} token={token} policy={env.PASSWORD_POLICY} />
      </Card>
    </>
  );
}
