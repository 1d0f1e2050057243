import type { Metadata } from 'next';
import { createdAtColumn } from '@/components/ui/data-table';
import { pl, wordFor } from '@/lib/messages/pl';
import { listBlockedRegistrations } from '@/lib/staff/blocked-registrations';
import { personColumns, plainListPage } from '../list-page';

const t = pl.admin.blocked;

export const metadata: Metadata = { title: t.title, robots: { index: false } };

/** Registrations refused for a conflict with an existing account or record, newest first. */
export default plainListPage({
  words: t,
  load: listBlockedRegistrations,
  columns: [
    createdAtColumn(t.columns.at),
    { header: t.columns.reason, cell: (r) => wordFor(t.reasons, r.reason) ?? r.reason },
    ...personColumns(),
  ],
});
