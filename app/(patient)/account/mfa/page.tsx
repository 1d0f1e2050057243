import type { Metadata } from 'next';
import Link from 'next/link';
import { CodeForm } from '@/components/mfa/code-form';
import { EnrolmentForm } from '@/components/mfa/enrolment-form';
import { Card, PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { loadPatientAccount } from '@/lib/account/patient-account';
import { currentPatientId } from '@/lib/auth/auth';
import { hasSecondFactor, startEnrolment } from '@/lib/auth/mfa';
import { redirectToSignIn } from '@/lib/auth/require';
import { pl } from '@/lib/messages/pl';
import { disablePatientMfaAction, enablePatientMfaAction } from './actions';

export const metadata: Metadata = { title: pl.mfa.manage, robots: { index: false } };

export default async function PatientMfaPage() {
  const accountId = await currentPatientId();
  if (!accountId) return redirectToSignIn();
  const db = await getDb();
  const owner = { kind: 'patient', id: accountId } as const;
  const enabled = await hasSecondFactor(db, owner);
  const account = enabled ? null : await loadPatientAccount(db, accountId);
  const enrolment = enabled ? null : await startEnrolment(db, owner, account?.login ?? pl.mfa.accountName.patient);
  const back = (
    <Link href="/account" className={linkClass}>
      {pl.account.title}
    </Link>
  );
  return (
    <>
      <PageTitle>{pl.mfa.manage}</PageTitle>
      <Card>
        {enabled ? (
          <div className="flex flex-col gap-4">
            <p role="status" className="font-semibold text-green-800">
              {pl.mfa.enabled}
            </p>
            <h2 className="text-lg font-bold">{pl.mfa.disableTitle}</h2>
            <p>{pl.mfa.disableIntro}</p>
            <CodeForm action={disablePatientMfaAction} submitLabel={pl.mfa.disableSubmit} hint={pl.mfa.codeHint} />
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            <p>{pl.mfa.disabledState}</p>
            <p>{pl.mfa.enrolIntroPatient}</p>
            <EnrolmentForm enrolment={enrolment} confirm={enablePatientMfaAction} after={back} />
          </div>
        )}
        <p className="mt-4">{back}</p>
      </Card>
    </>
  );
}
