import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { FacilityContact } from '@/components/facility-contact';
import { ActionButton, CardSection, Facts, Notice, linkClass, PageTitle, secondaryButtonClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { loadPatientAccount } from '@/lib/account/patient-account';
import { redirectToSignIn } from '@/lib/auth/require';
import { currentPatientId, currentSession, currentStaff } from '@/lib/auth/auth';
import { sessionAssurance } from '@/lib/auth/assurance';
import { requestLocale } from '@/lib/i18n/request-locale';
import { words } from '@/lib/i18n/words';
import { AccountLinks } from './account-links';
import { signOutAction, staySignedInAction } from '@/app/session-actions';
import { ConsentsSection } from './consents-section';
import Link from 'next/link';
import { SessionTimeout } from '@/components/session-timeout';
import { idleSeconds } from '@/lib/auth/sessions';
import { WkButton } from '@/components/wk-button';
import { wkConfig } from '@/lib/wk/config';
import { canTakeSms, parsePhoneField } from '@/lib/phone';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).account.title };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ consent?: string; wk?: string }> }) {
  const accountId = await currentPatientId();
  if (!accountId) return (await currentStaff()) ? redirect('/admin/verifications') : redirectToSignIn();
  const db = await getDb();
  const account = await loadPatientAccount(db, accountId);
  if (!account) redirect('/login');
  const { principal } = await currentSession();
  const assurance = principal ? await sessionAssurance(db, principal.sid, accountId) : null;
  const w = await words();
  const t = w.account;
  const verified = account.status === 'verified';
  const params = await searchParams;
  const nodeAnswer = params.wk === 'verified' && verified ? w.wk.verified : params.wk === 'mismatch' && !verified ? w.wk.mismatch : null;
  const canVerifyAtHome = !verified && account.status !== 'blocked' && wkConfig() !== null;
  const address = [
    [account.street, [account.houseNumber, account.flatNumber].filter(Boolean).join('/')].filter(Boolean).join(' '),
    [account.postalCode, account.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const rows: Array<[string, string | null]> = [
    [t.labels.name, `${account.firstName} ${account.lastName}`],
    [t.labels.pesel, account.pesel ?? w.none],
    [t.labels.birthDate, account.birthDate],
    [t.labels.login, account.login],
    [t.labels.email, account.email],
    [t.labels.phone, account.phone ?? w.none],
    [t.labels.address, address],
  ];
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t.title}</PageTitle>
        <ActionButton action={signOutAction} className={secondaryButtonClass}>
          {t.signOut}
        </ActionButton>
      </div>
      <SessionTimeout
        locale={await requestLocale()}
        idleSeconds={idleSeconds('patient')}
        stay={staySignedInAction}
        signOut={signOutAction}
      />
      <div className="flex flex-col gap-6">
        <CardSection id="status-title" title={t.status}>
          <Notice tone="info" data-wk-answer={params.wk} className="mb-4" message={nodeAnswer} />
          {verified ? (
            <p data-account-status="verified" className="font-semibold text-green-800">
              {t.verified}. {account.verificationMethod === 'login.gov.pl' ? w.wk.verifiedBody : t.verifiedBody}
            </p>
          ) : (
            <div data-account-status="unverified" className="flex flex-col gap-2">
              <p className="font-semibold text-warn">{t.unverified}</p>
              {canVerifyAtHome ? (
                <>
                  <p>{w.wk.verifyIntro}</p>
                  <WkButton purpose="verify">{w.wk.verify}</WkButton>
                  <p>{w.wk.or}</p>
                </>
              ) : null}
              <p>{t.unverifiedBody}</p>
              <FacilityContact />
            </div>
          )}
        </CardSection>
        {assurance ? (
          <CardSection id="assurance-title" title={t.assurance.title}>
            <Facts
              rows={[
                [t.assurance.way, t.assurance.ways[assurance.way]],
                [
                  t.assurance.identity,
                  [
                    t.assurance.identities[assurance.identification.identity],
                    assurance.identification.loa ? t.assurance.level(t.assurance.levels[assurance.identification.loa]) : null,
                  ]
                    .filter(Boolean)
                    .join(', '),
                ],
              ]}
            />
          </CardSection>
        ) : null}
        <CardSection id="data-title" title={t.data}>
          <Facts rows={rows} />
        </CardSection>
        <AccountLinks />
        <ConsentsSection
          accountId={accountId}
          textablePhone={account.phone !== null && canTakeSms(parsePhoneField(account.phone))}
          flash={(await searchParams).consent}
        />
        <CardSection id="security-title" title={w.mfa.manage}>
          <p>
            <Link prefetch={false} href="/account/mfa" className={linkClass}>
              {w.mfa.manage}
            </Link>
          </p>
        </CardSection>
      </div>
    </>
  );
}
