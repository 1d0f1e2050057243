import type { Metadata } from 'next';
import Link from 'next/link';
import { Labelled, buttonClass, linkClass } from '@/components/ui';
import { createdAtColumn } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { pl } from '@/lib/messages/pl';
import { listStaff } from '@/lib/staff/staff-accounts';
import { auditActions, listAudit } from '@/lib/staff/audit-log';
import { isUuid } from '@/lib/web/action';
import { ListPage } from '../list-page';
import { requireStaff } from '../require-staff';

export const metadata: Metadata = { title: pl.admin.audit.title, robots: { index: false } };

/** One filter of the log: every value it can take, or anything. */
function FilterSelect(props: {
  name: string;
  label: string;
  value?: string;
  anyLabel: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  const id = `audit-${props.name}`;
  return (
    <Labelled id={id} label={props.label}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.value ?? ''}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-2"
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff('admin');
  const params = await searchParams;
  const staffId = typeof params.staff === 'string' && isUuid(params.staff) ? params.staff : undefined;
  const action = typeof params.event === 'string' && /^[a-z_.]{1,64}$/.test(params.event) ? params.event : undefined;
  const db = await getDb();
  const [rows, staff, actions] = await Promise.all([listAudit(db, { staffId, action }), listStaff(db), auditActions(db)]);
  const t = pl.admin.audit;
  return (
    <ListPage
      words={t}
      rows={rows}
      columns={[
        createdAtColumn(t.columns.at),
        {
          header: t.columns.who,
          cell: (r) =>
            r.staffName ? `${r.staffName} (${r.staffLogin})` : r.action.startsWith('patient.') ? pl.selfService.audit.patient : '—',
        },
        { header: t.columns.what, cell: (r) => r.action },
        {
          header: t.columns.account,
          cell: (r) =>
            r.accountId ? (
              <Link prefetch={false} href={`/admin/verifications/${r.accountId}`} className={linkClass}>
                {r.accountLogin ?? r.accountId}
              </Link>
            ) : (
              '—'
            ),
        },
        {
          header: t.columns.details,
          className: 'break-words',
          cell: (r) =>
            Object.entries(r.details)
              .map(([k, v]) => `${k}: ${String(v)}`)
              .join(', '),
        },
      ]}
    >
      <form method="get" action="/admin/audit" className="mb-4 flex flex-wrap items-end gap-4" aria-label={t.filter}>
        <FilterSelect
          name="staff"
          label={t.staff}
          value={staffId}
          anyLabel={t.anyone}
          options={staff.map((s) => [s.id, `${s.name} (${s.login})`] as const)}
        />
        <FilterSelect name="event" label={t.event} value={action} anyLabel={t.anyEvent} options={actions.map((a) => [a, a] as const)} />
        <button type="submit" className={buttonClass}>
          {t.apply}
        </button>
      </form>
    </ListPage>
  );
}
