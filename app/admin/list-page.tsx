// The staff area's lists (the queue, blocked registrations, address changes, the audit log, the
// staff): one page shape, and the columns that name a person the same way in each of them.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageTitle, linkClass } from '@/components/ui';
import { DataTable, type DataColumn, type DataTableProps } from '@/components/ui/data-table';
import { getDb, type Db } from '@/db/client';
import { peselOrBrak } from '@/lib/brak';
import { pl } from '@/lib/messages/pl';
import { requireStaff } from './require-staff';

type ListPageProps<Row extends { id: string }> = Pick<DataTableProps<Row>, 'rows' | 'rowData'> & {
  /** The list's title, the table's caption, and what stands instead of an empty table. */
  words: { title: string; caption: string; empty?: string };
  /** Typed by the rows, so that the shared columns below fit the page's own rows. */
  columns: ReadonlyArray<DataColumn<NoInfer<Row>>>;
  /** What stands between the title and the table: the list's filters. */
  children?: ReactNode;
};

/** A list of records, one row a record keyed by its id, under the page's title. */
export function ListPage<Row extends { id: string }>({ words, children, ...table }: ListPageProps<Row>) {
  return (
    <>
      <PageTitle>{words.title}</PageTitle>
      {children}
      <DataTable {...table} caption={words.caption} empty={words.empty} rowKey={(r) => r.id} />
    </>
  );
}

/**
 * The page of a list that nothing narrows (blocked registrations, address changes, the staff):
 * the caller's check, the rows, the table. Lists with filters render ListPage themselves.
 */
export function plainListPage<Row extends { id: string }>({
  only,
  load,
  ...list
}: Omit<ListPageProps<Row>, 'rows' | 'children'> & { only?: 'admin'; load: (db: Db) => Promise<Row[]> }) {
  return async function PlainListPage() {
    await requireStaff(only);
    return <ListPage {...list} rows={await load(await getDb())} />;
  };
}

type Named = { lastName: string; firstName: string };

/**
 * The person as "<Nazwisko> <Imię>", naming the row; a link to their account when the row holds
 * its id (under `accountKey`). Typed by what it reads, so it fits any page's rows that have it.
 */
export function nameColumn<K extends string = never>(header: string, accountKey?: K): DataColumn<Named & Record<K, string>> {
  return {
    header,
    rowHeader: true,
    className: 'font-medium',
    cell: (r) =>
      accountKey ? (
        <Link prefetch={false} href={`/admin/verifications/${r[accountKey]}`} className={linkClass}>
          {r.lastName} {r.firstName}
        </Link>
      ) : (
        `${r.lastName} ${r.firstName}`
      ),
  };
}

type Registered = Named & { pesel: string | null; birthDate: string | null; login: string; email: string };

/** Who registered: name, PESEL (or BRAK with the birth date), login and email. */
export function personColumns<K extends string = never>(accountKey?: K): Array<DataColumn<Registered & Record<K, string>>> {
  const c = pl.admin.queue.columns;
  return [
    nameColumn(c.name, accountKey),
    { header: c.pesel, cell: peselOrBrak },
    { header: c.login, className: 'break-all', cell: (r) => r.login },
    { header: c.email, className: 'break-all', cell: (r) => r.email },
  ];
}
