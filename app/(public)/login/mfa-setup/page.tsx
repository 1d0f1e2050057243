import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { EnrolmentForm } from '@/components/mfa/enrolment-form';
import { ActionButton, Card, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { startEnrolment } from '@/lib/auth/mfa';
import { readPendingSignIn } from '@/lib/auth/pending-sign-in';
import { mfaOwner } from '@/lib/auth/sign-in-flow';
import { words } from '@/lib/i18n/words';
import { staffLogin } from '@/lib/staff/staff-accounts';
import { confirmEnrolmentAtSignInAction, continueAfterEnrolmentAction } from '../actions';
import { ClientWords } from '@/components/words/client-words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).mfa.enrolTitle, robots: { index: false } };
}

// Staff without a second factor come here straight after the password (STAFF_MFA=required);
// no session exists until enrolment is done.
export default async function MfaSetupAtSignInPage() {
  const pending = await readPendingSignIn();
  if (!pending || pending.role === 'patient' || (pending.stage !== 'enrol' && pending.stage !== 'enrolled')) redirect('/login');
  const t = (await words()).mfa;
  const db = await getDb();
  const enrolment =
    pending.stage === 'enrol'
      ? await startEnrolment(db, mfaOwner(pending), (await staffLogin(db, pending.id)) ?? t.accountName.staff)
      : null;
  return (
    <>
      <PageTitle>{t.enrolTitle}</PageTitle>
      <Card>
        <p className="mb-4">{t.enrolIntroStaff}</p>
        <ClientWords>
          <EnrolmentForm
            enrolment={enrolment}
            confirm={confirmEnrolmentAtSignInAction}
            after={<ActionButton action={continueAfterEnrolmentAction}>{t.continue}</ActionButton>}
          />
        </ClientWords>
      </Card>
    </>
  );
}
