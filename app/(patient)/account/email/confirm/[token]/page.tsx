import type { Metadata } from 'next';
import Link from 'next/link';
import { FacilityContact } from '@/components/facility-contact';
import { ActionButton, Card, PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { inspectEmailChange } from '@/lib/account/change-email';
import { currentPatientId } from '@/lib/auth/auth';
import { words } from '@/lib/i18n/words';
import { confirmEmailAction } from './actions';

// The token is in the address: a Referer carries only the origin (as on /activate/<token>).
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.emailConfirm.title, referrer: 'origin', robots: { index: false } };
}

export default async function ConfirmEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ problem?: string }>;
}) {
  const [{ token: raw }, { problem }, w] = await Promise.all([params, searchParams, words()]);
  const t = w.selfService.emailConfirm;
  const token = decodeURIComponent(raw);
  const [info, signedIn] = await Promise.all([inspectEmailChange(await getDb(), token), currentPatientId()]);
  const otherAccount = info.state === 'valid' && signedIn !== null && signedIn !== info.accountId;

  if (info.state !== 'valid') {
    const s = t.states[info.state];
    return (
      <>
        <PageTitle>{s.title}</PageTitle>
        <Card>
          <p className="mb-4" data-link-state={info.state}>
            {s.body}
          </p>
          <Link prefetch={false} href={signedIn ? '/account/settings' : '/login'} className={linkClass}>
            {signedIn ? w.selfService.settings.title : t.toLogin}
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        {otherAccount || problem === 'other_account' ? (
          <p role="alert" className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3">
            {t.otherAccount}
          </p>
        ) : null}
        {problem === 'conflict' ? (
          <div role="alert" className="mb-4 rounded-md border-2 border-danger bg-red-50 p-4">
            <h2 className="mb-2 text-lg font-bold text-danger">{w.register.conflict.title}</h2>
            <p className="mb-2">{w.register.conflict.body}</p>
            <p className="mb-1">{w.register.conflict.contact}</p>
            <FacilityContact />
          </div>
        ) : null}
        <p className="mb-4 break-words">{t.intro(info.newEmail!)}</p>
        {otherAccount ? null : (
          <ActionButton action={confirmEmailAction} fields={{ token }}>
            {t.submit}
          </ActionButton>
        )}
      </Card>
    </>
  );
}
