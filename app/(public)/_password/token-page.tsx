import { Card, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { inspectToken } from '@/lib/account/inspect-account-token';
import { env } from '@/lib/env';
import { words } from '@/lib/i18n/words';
import { InvalidLink } from './invalid-link';
import { PasswordForm } from './password-form';
import { ClientWords } from '@/components/words/client-words';

/** The page behind an emailed link: the password form, or why the link no longer works. */
export async function TokenPage({ token, purpose }: { token: string; purpose: 'activation' | 'password_reset' }) {
  const info = await inspectToken(await getDb(), purpose, token);
  if (info.state !== 'valid') return <InvalidLink state={info.state} purpose={purpose} />;
  const t = (await words()).activate;
  const activation = purpose === 'activation';
  return (
    <>
      <PageTitle>{activation ? t.title : t.resetTitle}</PageTitle>
      <Card>
        <p className="mb-4">{activation ? t.intro : t.resetIntro}</p>
        <ClientWords>
          <PasswordForm purpose={purpose} token={token} policy={env.PASSWORD_POLICY} />
        </ClientWords>
      </Card>
    </>
  );
}
