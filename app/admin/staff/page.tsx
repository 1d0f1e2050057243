import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { DataTable } from '@/components/ui/data-table';
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
      <DataTable
        caption={t.caption}
        rows={rows}
        rowKey={(r) => r.id}
        rowData={(r) => ({ 'data-staff-login': r.login })}
        columns={[
          { header: t.columns.name, cell: (r) => r.name },
          { header: t.columns.login, cell: (r) => r.login },
          { header: t.columns.role, cell: (r) => pl.admin.roles[r.role] ?? r.role },
          { header: t.columns.mfa, cellData: (r) => ({ 'data-mfa': r.mfa ? 'on' : 'off' }), cell: (r) => (r.mfa ? t.mfaOn : t.mfaOff) },
          { header: t.columns.state, cell: (r) => (r.disabledAt ? t.disabled : t.active) },
        ]}
      />
    </>
  );
}
