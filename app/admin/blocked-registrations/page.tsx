import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { redirectToSignIn } from '@/lib/auth/require';
import { currentStaff } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format';
import { pl, wordFor } from '@/lib/messages/pl';
import { listBlockedRegistrations } from '@/lib/staff/blocked-registrations';

export const metadata: Metadata = { title: pl.admin.blocked.title, robots: { index: false } };

export default async function BlockedRegistrationsPage() {
  if (!(await currentStaff())) return redirectToSignIn();
  const rows = await listBlockedRegistrations(await getDb());
  const t = pl.admin.blocked;
  const c = pl.admin.queue.columns;
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
                <th scope="col" className="p-2">
                  {t.columns.at}
                </th>
                <th scope="col" className="p-2">
                  {t.columns.reason}
                </th>
                <th scope="col" className="p-2">
                  {c.name}
                </th>
                <th scope="col" className="p-2">
                  {c.pesel}
                </th>
                <th scope="col" className="p-2">
                  {c.login}
                </th>
                <th scope="col" className="p-2">
                  {c.email}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="p-2 whitespace-nowrap">{formatDateTime(r.createdAt)}</td>
                  <td className="p-2">{wordFor(t.reasons, r.reason) ?? r.reason}</td>
                  <th scope="row" className="p-2 font-medium">
                    {r.lastName} {r.firstName}
                  </th>
                  <td className="p-2">{r.pesel ?? `BRAK, ${r.birthDate ?? ''}`}</td>
                  <td className="p-2 break-all">{r.login}</td>
                  <td className="p-2 break-all">{r.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
