import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { DataTable, createdAtColumn } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { redirectToSignIn } from '@/lib/auth/require';
import { currentStaff } from '@/lib/auth/auth';
import { pl, wordFor } from '@/lib/messages/pl';
import { listBlockedRegistrations } from '@/lib/staff/blocked-registrations';
import { peselOrBrak } from '@/lib/brak';

export const metadata: Metadata = { title: pl.admin.blocked.title, robots: { index: false } };

export default async function BlockedRegistrationsPage() {
  if (!(await currentStaff())) return redirectToSignIn();
  const rows = await listBlockedRegistrations(await getDb());
  const t = pl.admin.blocked;
  const c = pl.admin.queue.columns;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <DataTable
        caption={t.caption}
        empty={t.empty}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          createdAtColumn(t.columns.at),
          { header: t.columns.reason, cell: (r) => wordFor(t.reasons, r.reason) ?? r.reason },
          { header: c.name, rowHeader: true, className: 'font-medium', cell: (r) => `${r.lastName} ${r.firstName}` },
          { header: c.pesel, cell: peselOrBrak },
          { header: c.login, className: 'break-all', cell: (r) => r.login },
          { header: c.email, className: 'break-all', cell: (r) => r.email },
        ]}
      />
    </>
  );
}
