import type { Metadata } from 'next';
import Link from 'next/link';
import { MfaSettings } from '@/components/mfa/mfa-settings';
import { linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/auth';
import { hasSecondFactor, startEnrolment } from '@/lib/auth/mfa';
import { redirectToSignIn } from '@/lib/auth/require';
import { pl } from '@/lib/messages/pl';
import { staffLogin } from '@/lib/staff/staff-accounts';
import { enableStaffMfaAction } from './actions';

export const metadata: Metadata = { title: pl.mfa.manage, robots: { index: false } };

export default async function StaffMfaPage() {
  const staff = await currentStaff();
  if (!staff) return redirectToSignIn();
  const db = await getDb();
  const owner = { kind: 'staff', id: staff.id } as const;
  const enabled = await hasSecondFactor(db, owner);
  const enrolment = enabled ? null : await startEnrolment(db, owner, (await staffLogin(db, staff.id)) ?? pl.mfa.accountName.staff);
  return (
    <MfaSettings
      enabled={enabled}
      enabledGap="gap-2"
      whenEnabled={<p>{pl.admin.mfa.lostPhone}</p>}
      intro={<p>{pl.mfa.enrolIntroStaff}</p>}
      enrolment={enrolment}
      confirm={enableStaffMfaAction}
      after={
        <Link href="/admin/verifications" className={linkClass}>
          {pl.admin.nav.queue}
        </Link>
      }
    />
  );
}
