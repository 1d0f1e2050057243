import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { pl } from '@/lib/messages/pl';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { signInLockOf } from '@/lib/staff/sign-in-locks';
import { availableDecisions } from '@/lib/staff/verification-decisions';
import { requireStaff } from '../../require-staff';
import { AuditHistory } from './audit-history';
import { ConsentList } from './consents';
import { DecisionForms } from './decisions';
import { EmailsAndLinks } from './emails';
import { PatientRecord } from './patient-record';
import { PendingDataChange } from './pending-change';
import { SignInLockNotice } from './sign-in-lock';
import { SignIns } from './sign-ins';
import { AccountStatusLine, DecisionFlash } from './status';
import { SubmittedData } from './submitted-data';

export const metadata: Metadata = { title: pl.admin.queue.title, robots: { index: false } };

export default async function AccountDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const staff = await requireStaff();
  const [{ id }, flash] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const detail = await getAccountDetail(db, id);
  if (!detail) notFound();
  const { account, patient } = detail;
  const lock = await signInLockOf(db, account.login);
  const allowed = availableDecisions(
    account.status,
    staff.role,
    !account.passwordHash && !account.activatedAt && account.status !== 'active',
  );

  return (
    <>
      <p className="mb-2">
        <Link prefetch={false} href="/admin/verifications" className={linkClass}>
          {pl.admin.detail.back}
        </Link>
      </p>
      <PageTitle>
        {patient.firstName} {patient.lastName}
      </PageTitle>
      <DecisionFlash done={flash.done} error={flash.error} />
      <AccountStatusLine detail={detail} />
      {lock ? <SignInLockNotice accountId={account.id} lock={lock} /> : null}
      <PendingDataChange accountId={account.id} done={flash.done} />
      <DecisionForms accountId={account.id} allowed={allowed} />
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <SubmittedData account={account} />
        <PatientRecord patient={patient} attached={account.patientAttached !== 0} />
        <ConsentList consents={detail.consents} />
        <EmailsAndLinks detail={detail} canResend={allowed.resendActivation} />
        <SignIns sessions={detail.sessions} />
      </div>
      <AuditHistory audit={detail.audit} />
    </>
  );
}
