import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { currentSession, currentStaff } from '@/lib/auth/auth';
import { redirectToSignIn } from '@/lib/auth/require';
import { pl } from '@/lib/messages/pl';
import { listStaff } from '@/lib/staff/staff-accounts';

export const metadata: Metadata = { title: pl.admin.staffList.title, robots: { index: false } };

/** Admins see every staff account and whether it has a second factor. */
export default async function StaffListPage() {
  if (!(await currentStaff(['admin']))) {
    if ((await currentSession()).principal) notFound();
    return redirectToSignIn();
  }
  const rows = await listStaff(await getDb());
  const t = pl.admin.staffList;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t.caption}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">
                {t.columns.name}
              </th>
              <th scope="col" className="p-2">
                {t.columns.login}
              </th>
              <th scope="col" className="p-2">
                {t.columns.role}
              </th>
              <th scope="col" className="p-2">
                {t.columns.mfa}
              </th>
              <th scope="col" className="p-2">
                {t.columns.state}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-staff-login={r.login} className="border-t border-slate-200">
                <td className="p-2">{r.name}</td>
                <td className="p-2">{r.login}</td>
                <td className="p-2">{pl.admin.roles[r.role] ?? r.role}</td>
                <td className="p-2" data-mfa={r.mfa ? 'on' : 'off'}>
                  {r.mfa ? t.mfaOn : t.mfaOff}
                </td>
                <td className="p-2">{r.disabledAt ? t.disabled : t.active}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
