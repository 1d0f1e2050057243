import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CodeForm } from '@/components/mfa/code-form';
import { Card, PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { PasskeySignIn } from '@/components/passkeys/passkey-sign-in';
import { hasSecondFactor } from '@/lib/auth/mfa';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { mfaOwner } from '@/lib/auth/sign-in-flow';
import { hasPasskey } from '@/lib/webauthn';
import { words } from '@/lib/i18n/words';
import { codeAction, passkeyOptionsAction, passkeySignInAction } from '../actions';
import { ClientWords } from '@/components/words/client-words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).mfa.codeTitle, robots: { index: false } };
}

export default async function SignInCodePage() {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') redirect('/login');
  const w = await words();
  const t = w.mfa;
  const db = await getDb();
  const owner = mfaOwner(pending);
  // A staff member's key counts as the second factor as well as a code (SPEC §19).
  const [code, passkey] = await Promise.all([hasSecondFactor(db, owner), hasPasskey(db, owner)]);
  return (
    <>
      <PageTitle>{t.codeTitle}</PageTitle>
      <Card>
        {code ? (
          <>
            <p className="mb-4">{t.codeIntro}</p>
            <ClientWords>
              <CodeForm action={codeAction} submitLabel={t.submit} hint={t.codeHint} />
            </ClientWords>
          </>
        ) : null}
        {passkey ? (
          <div className={code ? 'mt-6 border-t border-slate-200 pt-4' : ''}>
            <p className="mb-4">{code ? t.passkeyIntro : t.passkeyOnlyIntro}</p>
            <noscript>
              <p>{w.login.passkey.noScript}</p>
            </noscript>
            <PasskeySignIn
              actions={{ options: passkeyOptionsAction, signIn: passkeySignInAction }}
              words={{ ...w.login.passkey, button: t.passkeyButton }}
              step="second"
            />
          </div>
        ) : null}
        <p className="mt-4">
          <Link prefetch={false} href="/login" className={linkClass}>
            {t.cancel}
          </Link>
        </p>
      </Card>
    </>
  );
}
