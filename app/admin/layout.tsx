import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { signOutAction, staySignedInAction } from '@/app/session-actions';
import { currentSession, currentStaff } from '@/lib/auth/auth';
import { sessionWay } from '@/lib/auth/assurance';
import { redirectToSignIn } from '@/lib/auth/require';
import { idleSeconds } from '@/lib/auth/sessions';
import { SessionTimeout } from '@/components/session-timeout';
import { ActionButton } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { plDashboard } from '@/lib/messages/pl-dashboard';
import { staffName } from '@/lib/staff/staff-accounts';
import { ClientWords } from '@/components/words/client-words';

// Only navigation depends on this check: every page and action checks the role again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  if (!staff) return redirectToSignIn();
  const db = await getDb();
  const name = (await staffName(db, staff.id)) ?? '';
  const { principal } = await currentSession();
  const way = principal ? await sessionWay(db, principal.sid) : null;
  const t = pl.admin;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t.panel} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-3">
        <Link href="/admin" className="font-medium text-brand underline">
          {plDashboard.nav}
        </Link>
        <Link href="/admin/verifications" className="font-medium text-brand underline">
          {t.nav.queue}
        </Link>
        <Link href="/admin/blocked-registrations" className="font-medium text-brand underline">
          {t.nav.blocked}
        </Link>
        <Link href="/admin/data-changes" className="font-medium text-brand underline">
          {pl.selfService.staff.nav}
        </Link>
        {staff.role === 'admin' ? (
          <>
            <Link href="/admin/audit" className="font-medium text-brand underline">
              {t.nav.audit}
            </Link>
            <Link href="/admin/staff" className="font-medium text-brand underline">
              {t.nav.staff}
            </Link>
          </>
        ) : null}
        <Link href="/admin/mfa" className="font-medium text-brand underline">
          {t.nav.mfa}
        </Link>
        <span className="ml-auto text-sm text-slate-700" data-signed-in-with={way ?? undefined}>
          {t.signedInAs(name, t.roles[staff.role] ?? staff.role)}
          {way ? `, ${t.signedInWith[way]}` : null}
        </span>
        <ActionButton action={signOutAction} className="min-h-11 rounded-md border border-slate-400 px-3 font-medium">
          {t.nav.signOut}
        </ActionButton>
      </nav>
      {/* The session clock and the MFA forms; staff paths are always Polish (requestLocale). */}
      <ClientWords>
        <SessionTimeout idleSeconds={idleSeconds(staff.role)} stay={staySignedInAction} signOut={signOutAction} />
        {children}
      </ClientWords>
    </div>
  );
}
