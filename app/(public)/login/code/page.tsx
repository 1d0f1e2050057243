import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/mfa/code-form';
import { Card, PageTitle, linkClass } from '@/components/ui';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { words } from '@/lib/i18n/words';
import { codeAction } from '../actions';
import { ClientWords } from '@/components/words/client-words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).mfa.codeTitle, robots: { index: false } };
}

export default async function SignInCodePage() {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') redirect('/login');
  const t = (await words()).mfa;
  return (
    <>
      <PageTitle>{t.codeTitle}</PageTitle>
      <Card>
        <p className="mb-4">{t.codeIntro}</p>
        <ClientWords>
          <CodeForm action={codeAction} submitLabel={t.submit} hint={t.codeHint} />
        </ClientWords>
        <p className="mt-4">
          <Link href="/login" className={linkClass}>
            {t.cancel}
          </Link>
        </p>
      </Card>
    </>
  );
}
