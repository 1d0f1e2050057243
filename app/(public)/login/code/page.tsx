import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/mfa/code-form';
import { Card, PageTitle, linkClass } from '@/components/ui';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { pl } from '@/lib/messages/pl';
import { codeAction } from '../actions';

export const metadata: Metadata = { title: pl.mfa.codeTitle, robots: { index: false } };

export default async function SignInCodePage() {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') redirect('/login');
  return (
    <>
      <PageTitle>{pl.mfa.codeTitle}</PageTitle>
      <Card>
        <p className="mb-4">{pl.mfa.codeIntro}</p>
        <CodeForm action={codeAction} submitLabel={pl.mfa.submit} hint={pl.mfa.codeHint} />
        <p className="mt-4">
          <Link href="/login" className={linkClass}>
            {pl.mfa.cancel}
          </Link>
        </p>
      </Card>
    </>
  );
}
