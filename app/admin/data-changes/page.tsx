import type { Metadata } from 'next';
import { createdAtColumn } from '@/components/ui/data-table';
import { pl } from '@/lib/messages/pl';
import { listPendingChanges } from '@/lib/staff/data-changes';
import { nameColumn, plainListPage } from '../list-page';

const t = pl.selfService.staff;

export const metadata: Metadata = { title: t.listTitle, robots: { index: false } };

/** Patients' changes of their record's address waiting for the desk, oldest first. */
export default plainListPage({
  words: { title: t.listTitle, caption: t.listCaption, empty: t.listEmpty },
  load: listPendingChanges,
  columns: [
    nameColumn(t.columns.patient, 'accountId'),
    { header: t.columns.login, cell: (r) => r.login },
    createdAtColumn(t.columns.createdAt),
    { header: t.columns.fields, cell: (r) => r.fields.map((f) => t.fields[f] ?? f).join(', ') },
  ],
});
