import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { signOutAction, staySignedInAction } from '@/app/session-actions';
import { currentSession } from '@/lib/auth/auth';
import { sessionWay } from '@/lib/auth/assurance';
import { idleSeconds } from '@/lib/auth/sessions';
import { SessionTimeout } from '@/components/session-timeout';
import { ActionButton } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { plDashboard } from '@/lib/messages/pl-dashboard';
import { staffName } from '@/lib/staff/staff-accounts';
import { requireStaff } from './require-staff';

// Only navigation depends on this check: every page and action checks the role again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const db = await getDb();
  const name = (await staffName(db, staff.id)) ?? '';
  const { principal } = await currentSession();
  const way = principal ? await sessionWay(db, principal.sid) : null;
  const t = pl.admin;
  // Audit log and staff accounts are the administrator's.
  const links = (
    [
      ['/admin', plDashboard.nav],
      ['/admin/verifications', t.nav.queue],
      ['/admin/blocked-registrations', t.nav.blocked],
      ['/admin/data-changes', pl.selfService.staff.nav],
      ['/admin/audit', t.nav.audit, 'admin'],
      ['/admin/staff', t.nav.staff, 'admin'],
      ['/admin/mfa', t.nav.mfa],
    ] as Array<[href: string, label: string, only?: 'admin']>
  ).filter(([, , only]) => !only || staff.role === only);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t.panel} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-3">
        {links.map(([href, label]) => (
          <Link prefetch={false} key={href} href={href} className="font-medium text-brand underline">
            {label}
          </Link>
        ))}
        <span className="ml-auto text-sm text-slate-700" data-signed-in-with={way ?? undefined}>
          {t.signedInAs(name, t.roles[staff.role] ?? staff.role)}
          {way ? `, ${t.signedInWith[way]}` : null}
        </span>
        <ActionButton action={signOutAction} className="min-h-11 rounded-md border border-slate-400 px-3 font-medium">
          {t.nav.signOut}
        </ActionButton>
      </nav>
      {/* Staff paths are always Polish (requestLocale). */}
      <SessionTimeout locale="pl" idleSeconds={idleSeconds(staff.role)} stay={staySignedInAction} signOut={signOutAction} />
      {children}
    </div>
  );
}
