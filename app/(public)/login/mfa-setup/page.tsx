import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { EnrolmentForm } from '@/components/mfa/enrolment-form';
import { ActionButton, Card, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { startEnrolment } from '@/lib/auth/mfa';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { mfaOwner } from '@/lib/auth/sign-in-flow';
import { pl } from '@/lib/messages/pl';
import { staffLogin } from '@/lib/staff/staff-accounts';
import { confirmEnrolmentAtSignInAction, continueAfterEnrolmentAction } from '../actions';

export const metadata: Metadata = { title: pl.mfa.enrolTitle, robots: { index: false } };

// Staff without a second factor come here straight after the password (STAFF_MFA=required);
// no session exists until enrolment is done.
export default async function MfaSetupAtSignInPage() {
  const pending = await readPendingSignIn();
  if (!pending || pending.role === 'patient' || (pending.stage !== 'enrol' && pending.stage !== 'enrolled')) redirect('/login');
  const db = await getDb();
  const enrolment =
    pending.stage === 'enrol'
      ? await startEnrolment(db, mfaOwner(pending), (await staffLogin(db, pending.id)) ?? pl.mfa.accountName.staff)
      : null;
  return (
    <>
      <PageTitle>{pl.mfa.enrolTitle}</PageTitle>
      <Card>
        <p className="mb-4">{pl.mfa.enrolIntroStaff}</p>
        <EnrolmentForm
          enrolment={enrolment}
          confirm={confirmEnrolmentAtSignInAction}
          after={<ActionButton action={continueAfterEnrolmentAction}>{pl.mfa.continue}</ActionButton>}
        />
      </Card>
    </>
  );
}
