import type { Metadata } from 'next';
import { pl } from '@/lib/messages/pl';
import { listStaff } from '@/lib/staff/staff-accounts';
import { plainListPage } from '../list-page';

const t = pl.admin.staffList;

export const metadata: Metadata = { title: t.title, robots: { index: false } };

/** Admins see every staff account and whether it has a second factor. */
export default plainListPage({
  only: 'admin',
  words: t,
  load: listStaff,
  rowData: (r) => ({ 'data-staff-login': r.login }),
  columns: [
    { header: t.columns.name, cell: (r) => r.name },
    { header: t.columns.login, cell: (r) => r.login },
    { header: t.columns.role, cell: (r) => pl.admin.roles[r.role] ?? r.role },
    { header: t.columns.mfa, cellData: (r) => ({ 'data-mfa': r.mfa ? 'on' : 'off' }), cell: (r) => (r.mfa ? t.mfaOn : t.mfaOff) },
    { header: t.columns.state, cell: (r) => (r.disabledAt ? t.disabled : t.active) },
  ],
});
