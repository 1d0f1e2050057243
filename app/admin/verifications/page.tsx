import type { Metadata } from 'next';
import Link from 'next/link';
import { Labelled, buttonClass, linkClass } from '@/components/ui';
import { createdAtColumn } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { accountStatuses } from '@/db/schema';
import { pl, wordFor } from '@/lib/messages/pl';
import { countByStatus, listQueue, queueFilters, type QueueFilter } from '@/lib/staff/verification-queue';
import { ListPage, personColumns } from '../list-page';
import { requireStaff } from '../require-staff';

export const metadata: Metadata = { title: pl.admin.queue.title, robots: { index: false } };

type Search = { q?: string; status?: string; after?: string };

export default async function VerificationQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaff();
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  const filter: QueueFilter = queueFilters.includes(params.status as QueueFilter) ? (params.status as QueueFilter) : 'waiting';
  const db = await getDb();
  const [page, counts] = await Promise.all([
    listQueue(db, { query: q, filter, after: typeof params.after === 'string' ? params.after : undefined }),
    countByStatus(db),
  ]);
  const t = pl.admin.queue;
  const filterLabel = (f: QueueFilter) => wordFor(pl.admin.filters, f) ?? wordFor(pl.admin.statuses, f) ?? f;
  const nextHref = page.next ? `/admin/verifications?${new URLSearchParams({ q, status: filter, after: page.next })}` : null;

  return (
    <>
      <ListPage
        words={t}
        rows={page.rows}
        columns={[
          createdAtColumn(t.columns.created),
          ...personColumns('id'),
          {
            header: t.columns.status,
            cell: (r) =>
              r.status === 'verified' && r.verificationMethod === 'login.gov.pl'
                ? `${pl.admin.statuses.verified} (login.gov.pl)`
                : pl.admin.statuses[r.status],
          },
        ]}
      >
        <section aria-labelledby="counts-title" className="mb-4">
          <h2 id="counts-title" className="sr-only">
            {t.counts}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {accountStatuses.map((s) => (
              <li key={s} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm">
                {pl.admin.statuses[s]}: <strong data-count={s}>{counts[s]}</strong>
              </li>
            ))}
          </ul>
        </section>
        <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <Labelled id="q" label={t.search} className="min-w-64 flex-1">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              autoFocus
              maxLength={100}
              className="min-h-11 rounded-md border border-slate-400 px-3"
            />
          </Labelled>
          <Labelled id="status" label={t.status}>
            <select id="status" name="status" defaultValue={filter} className="min-h-11 rounded-md border border-slate-400 bg-white px-3">
              {queueFilters.map((f) => (
                <option key={f} value={f}>
                  {filterLabel(f)}
                </option>
              ))}
            </select>
          </Labelled>
          <button type="submit" className={buttonClass}>
            {t.submit}
          </button>
        </form>
      </ListPage>
      <nav aria-label={t.pages} className="mt-4 flex gap-4">
        {params.after ? (
          <Link prefetch={false} href={`/admin/verifications?${new URLSearchParams({ q, status: filter })}`} className={linkClass}>
            {t.first}
          </Link>
        ) : null}
        {nextHref ? (
          <Link prefetch={false} href={nextHref} className={linkClass}>
            {t.next}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
