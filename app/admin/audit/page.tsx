import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { PageTitle, linkClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { auth, currentStaff } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import { listAudit } from '@/lib/staff/verification';

export const metadata: Metadata = { title: pl.admin.audit.title, robots: { index: false } };

export default async function AuditPage() {
  if (!(await currentStaff(['admin']))) {
    if (await auth()) notFound(); // signed in, but not an admin
    redirect('/login');
  }
  const rows = await listAudit(await getDb());
  const t = pl.admin.audit;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      {rows.length === 0 ? (
        <p role="status">{t.empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t.caption}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-2">Kiedy</th>
                <th scope="col" className="p-2">Kto</th>
                <th scope="col" className="p-2">Co</th>
                <th scope="col" className="p-2">Konto</th>
                <th scope="col" className="p-2">Szczegóły</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                  <td className="p-2">{r.staffName ? `${r.staffName} (${r.staffLogin})` : r.action.startsWith('patient.') ? pl.selfService.audit.patient : '—'}</td>
                  <td className="p-2">{r.action}</td>
                  <td className="p-2">
                    {r.accountId ? (
                      <Link href={`/admin/verifications/${r.accountId}`} className={linkClass}>
                        {r.accountLogin ?? r.accountId}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="p-2 break-words">{Object.entries(r.details).map(([k, v]) => `${k}: ${String(v)}`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
