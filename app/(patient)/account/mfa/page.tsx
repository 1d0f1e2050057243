import type { Metadata } from 'next';
import { ClientWords } from '@/components/words/client-words';
import Link from 'next/link';
import { CodeForm } from '@/components/mfa/code-form';
import { MfaSettings } from '@/components/mfa/mfa-settings';
import { linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { loadPatientAccount } from '@/lib/account/patient-account';
import { currentPatientId } from '@/lib/auth/auth';
import { hasSecondFactor, startEnrolment } from '@/lib/auth/mfa';
import { redirectToSignIn } from '@/lib/auth/require';
import { words } from '@/lib/i18n/words';
import { disablePatientMfaAction, enablePatientMfaAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).mfa.manage, robots: { index: false } };
}

export default async function PatientMfaPage() {
  const accountId = await currentPatientId();
  if (!accountId) return redirectToSignIn();
  const w = await words();
  const db = await getDb();
  const owner = { kind: 'patient', id: accountId } as const;
  const enabled = await hasSecondFactor(db, owner);
  const account = enabled ? null : await loadPatientAccount(db, accountId);
  const enrolment = enabled ? null : await startEnrolment(db, owner, account?.login ?? w.mfa.accountName.patient);
  const back = (
    <Link prefetch={false} href="/account" className={linkClass}>
      {w.account.title}
    </Link>
  );
  // The code forms' words in the browser, in the patient's language.
  return (
    <ClientWords>
      <MfaSettings
        enabled={enabled}
        enabledGap="gap-4"
        whenEnabled={
          <>
            <h2 className="text-lg font-bold">{w.mfa.disableTitle}</h2>
            <p>{w.mfa.disableIntro}</p>
            <CodeForm action={disablePatientMfaAction} submitLabel={w.mfa.disableSubmit} hint={w.mfa.codeHint} />
          </>
        }
        intro={
          <>
            <p>{w.mfa.disabledState}</p>
            <p>{w.mfa.enrolIntroPatient}</p>
          </>
        }
        enrolment={enrolment}
        confirm={enablePatientMfaAction}
        after={back}
      >
        <p className="mt-4">{back}</p>
      </MfaSettings>
    </ClientWords>
  );
}
