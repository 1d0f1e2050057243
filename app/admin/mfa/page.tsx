import type { Metadata } from 'next';
import { ClientWords } from '@/components/words/client-words';
import Link from 'next/link';
import { MfaSettings } from '@/components/mfa/mfa-settings';
import { PasskeyList } from '@/components/passkeys/passkey-list';
import { CardSection, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { hasSecondFactor, startEnrolment } from '@/lib/auth/mfa';
import { pl } from '@/lib/messages/pl';
import { staffLogin } from '@/lib/staff/staff-accounts';
import { listPasskeys } from '@/lib/webauthn';
import { requireStaff } from '../require-staff';
import { enableStaffMfaAction } from './actions';

export const metadata: Metadata = { title: pl.mfa.manage, robots: { index: false } };

export default async function StaffMfaPage() {
  const staff = await requireStaff();
  const db = await getDb();
  const owner = { kind: 'staff', id: staff.id } as const;
  const [enabled, passkeys] = await Promise.all([hasSecondFactor(db, owner), listPasskeys(db, owner)]);
  const enrolment = enabled ? null : await startEnrolment(db, owner, (await staffLogin(db, staff.id)) ?? pl.mfa.accountName.staff);
  // The enrolment form's words in the browser (staff paths are Polish).
  return (
    <ClientWords>
      <MfaSettings
        enabled={enabled}
        enabledGap="gap-2"
        whenEnabled={<p>{pl.admin.mfa.lostPhone}</p>}
        intro={<p>{pl.mfa.enrolIntroStaff}</p>}
        enrolment={enrolment}
        confirm={enableStaffMfaAction}
        after={
          <Link prefetch={false} href="/admin/verifications" className={linkClass}>
            {pl.admin.nav.queue}
          </Link>
        }
      />
      {/* A security key with its PIN counts as both factors (SPEC §19); the words say when one cannot be removed. */}
      <CardSection id="passkeys-title" title={pl.admin.passkeys.title} className="mt-6">
        <PasskeyList passkeys={passkeys} words={pl.admin.passkeys} locale="pl" />
      </CardSection>
    </ClientWords>
  );
}
