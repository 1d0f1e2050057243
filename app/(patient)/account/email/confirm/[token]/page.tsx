import type { Metadata } from 'next';
import Link from 'next/link';
import { FacilityContact } from '@/components/facility-contact';
import { ActionButton, Card, PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { inspectEmailChange } from '@/lib/account/change-email';
import { currentPatientId } from '@/lib/auth/auth';
import { pl } from '@/lib/messages/pl';
import { confirmEmailAction } from './actions';

// The token is in the address: a Referer carries only the origin (as on /activate/<token>).
export const metadata: Metadata = { title: pl.selfService.emailConfirm.title, referrer: 'origin', robots: { index: false } };

const t = pl.selfService.emailConfirm;

export default async function ConfirmEmailPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ problem?: string }>;
}) {
  const [{ token: raw }, { problem }] = await Promise.all([params, searchParams]);
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
          <Link href={signedIn ? '/account/settings' : '/login'} className={linkClass}>
            {signedIn ? pl.selfService.settings.title : t.toLogin}
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
            <h2 className="mb-2 text-lg font-bold text-danger">{pl.register.conflict.title}</h2>
            <p className="mb-2">{pl.register.conflict.body}</p>
            <p className="mb-1">{pl.register.conflict.contact}</p>
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
