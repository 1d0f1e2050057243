import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, Notice, PageTitle, buttonClass, linkClass } from '@/components/ui';
import { currentPatientId, currentStaff } from '@/lib/auth/auth';
import { words } from '@/lib/i18n/words';
import { wkConfig } from '@/lib/wk/config';
import { WkButton } from '@/components/wk-button';
import { PasskeySignIn } from '@/components/passkeys/passkey-sign-in';
import { passkeyOptionsAction, passkeySignInAction } from './actions';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).login.title };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentPatientId()) redirect('/account');
  if (await currentStaff()) redirect('/admin/verifications');
  const params = await searchParams;
  const w = await words();
  const endings = { idle: w.session.idle, absolute: w.session.absolute, ended: w.session.ended } as const;
  const reason = typeof params.reason === 'string' && params.reason in endings ? endings[params.reason as keyof typeof endings] : null;
  // Only a path of our own is kept; lib/auth/sign-in-flow.ts checks it again after sign-in.
  const next =
    typeof params.next === 'string' && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next.slice(0, 512) : undefined;
  return (
    <>
      <PageTitle>{w.login.title}</PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <Notice tone="warn" data-session-ended className="mb-4" message={reason} />
          <LoginForm next={next} words={w.login} />
          <p className="mt-4">
            <Link prefetch={false} href="/password/forgot" className={linkClass}>
              {w.login.forgot}
            </Link>
          </p>
          {/* For everyone: sign-in never says whether a login is waiting for activation. */}
          <p className="mt-2">
            <Link prefetch={false} href="/activate/resend" className={linkClass}>
              {w.login.resendActivation}
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-bold">{w.login.passkey.title}</h2>
          <p className="mb-4">{w.login.passkey.intro}</p>
          {/* Passkeys need JavaScript; without it the password form above is the way in. */}
          <noscript>
            <p>{w.login.passkey.noScript}</p>
          </noscript>
          <PasskeySignIn
            actions={{ options: passkeyOptionsAction, signIn: passkeySignInAction }}
            words={w.login.passkey}
            next={next}
            autofill
          />
        </Card>
        {wkConfig() ? (
          <Card>
            <h2 className="mb-2 text-lg font-bold">login.gov.pl</h2>
            <p className="mb-4">{w.wk.signInIntro}</p>
            <WkButton purpose="login">{w.wk.signIn}</WkButton>
          </Card>
        ) : null}
        <Card>
          <h2 className="mb-2 text-lg font-bold">{w.login.noAccount}</h2>
          <p className="mb-4">{w.login.registerIntro}</p>
          <Link prefetch={false} href="/register" className={buttonClass}>
            {w.login.register}
          </Link>
        </Card>
      </div>
    </>
  );
}
