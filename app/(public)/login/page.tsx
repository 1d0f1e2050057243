import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, PageTitle, buttonClass, linkClass } from '@/components/ui';
import { currentPatientId, currentStaff } from '@/lib/auth/auth';
import { pl } from '@/lib/messages/pl';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: pl.login.title };

const endings = { idle: pl.session.idle, absolute: pl.session.absolute, ended: pl.session.ended } as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentPatientId()) redirect('/account');
  if (await currentStaff()) redirect('/admin/verifications');
  const params = await searchParams;
  const reason = typeof params.reason === 'string' && params.reason in endings ? endings[params.reason as keyof typeof endings] : null;
  // Only a path of our own is kept; lib/auth/sign-in-flow.ts checks it again after sign-in.
  const next =
    typeof params.next === 'string' && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next.slice(0, 512) : undefined;
  return (
    <>
      <PageTitle>{pl.login.title}</PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          {reason ? (
            <p role="status" data-session-ended className="mb-4 rounded-md border-2 border-warn bg-amber-50 p-3">
              {reason}
            </p>
          ) : null}
          <LoginForm next={next} />
          <p className="mt-4">
            <Link href="/password/forgot" className={linkClass}>
              {pl.login.forgot}
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-bold">{pl.login.noAccount}</h2>
          <p className="mb-4">{pl.login.registerIntro}</p>
          <Link href="/register" className={buttonClass}>
            {pl.login.register}
          </Link>
        </Card>
      </div>
    </>
  );
}
