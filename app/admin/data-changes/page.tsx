import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import { listPendingChanges } from '@/lib/staff/data-changes';

export const metadata: Metadata = { title: pl.selfService.staff.listTitle, robots: { index: false } };

const t = pl.selfService.staff;

/** Patients' changes of their record's address waiting for the desk, oldest first. */
export default async function DataChangesPage() {
  if (!(await currentStaff(['registrar', 'admin']))) redirect('/login');
  const rows = await listPendingChanges(await getDb());
  return (
    <>
      <PageTitle>{t.listTitle}</PageTitle>
      {rows.length === 0 ? (
        <p role="status">{t.listEmpty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t.listCaption}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">
                  {t.columns.patient}
                </th>
                <th scope="col" className="p-2">
                  {t.columns.login}
                </th>
                <th scope="col" className="p-2">
                  {t.columns.createdAt}
                </th>
                <th scope="col" className="p-2">
                  {t.columns.fields}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/admin/verifications/${r.accountId}`} className={linkClass}>
                      {r.lastName} {r.firstName}
                    </Link>
                  </th>
                  <td className="p-2">{r.login}</td>
                  <td className="p-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                  <td className="p-2">{r.fields.map((f) => t.fields[f] ?? f).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
