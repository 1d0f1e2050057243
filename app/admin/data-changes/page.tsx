import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageTitle, linkClass } from '@/components/ui';
import { DataTable, createdAtColumn } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/auth';
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
      <DataTable
        caption={t.listCaption}
        empty={t.listEmpty}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: t.columns.patient,
            rowHeader: true,
            className: 'font-normal',
            cell: (r) => (
              <Link prefetch={false} href={`/admin/verifications/${r.accountId}`} className={linkClass}>
                {r.lastName} {r.firstName}
              </Link>
            ),
          },
          { header: t.columns.login, cell: (r) => r.login },
          createdAtColumn(t.columns.createdAt),
          { header: t.columns.fields, cell: (r) => r.fields.map((f) => t.fields[f] ?? f).join(', ') },
        ]}
      />
    </>
  );
}
