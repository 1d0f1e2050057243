import { ActionButton, Card, Notice, secondaryButtonClass } from '@/components/ui';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db/client';
import { changedFields, contactFields, contactOfRecord } from '@/lib/account/contact-form';
import type { Patient, PatientContactData } from '@/db/schema';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import { pendingChangeOf } from '@/lib/staff/data-changes';
import { acceptDataChangeAction, rejectDataChangeAction } from './data-change-actions';

const t = pl.selfService.staff;
const labels = pl.register.labels;

/** "Zmiana danych do potwierdzenia": the patient's requested address beside the record's. */
export async function PendingDataChange({ accountId, done }: { accountId: string; done?: string }) {
  const pending = await pendingChangeOf(await getDb(), accountId);
  const flash = done === 'change-accepted' ? t.done.accepted : done === 'change-rejected' ? t.done.rejected : null;
  if (!pending && !flash) return null;
  return (
    <section aria-labelledby="data-change-title" className="mt-4">
      <Notice tone="success" className="mb-4" message={flash} />
      {pending ? (
        <Card>
          <h2 id="data-change-title" className="mb-2 text-lg font-bold">
            {t.pendingTitle}
          </h2>
          <p className="mb-3">{t.pendingIntro(formatDateTime(pending.change.createdAt))}</p>
          <ChangeTable current={pending.patient} proposed={pending.change.proposed} />
          <div className="mt-4 flex flex-wrap gap-3">
            <ActionButton action={acceptDataChangeAction} fields={{ accountId, changeId: pending.change.id }}>
              {t.accept}
            </ActionButton>
            <ActionButton
              action={rejectDataChangeAction}
              fields={{ accountId, changeId: pending.change.id }}
              className={secondaryButtonClass}
            >
              {t.reject}
            </ActionButton>
          </div>
        </Card>
      ) : (
        <h2 id="data-change-title" className="sr-only">
          {t.pendingTitle}
        </h2>
      )}
    </section>
  );
}

function ChangeTable({ current, proposed }: { current: Patient; proposed: PatientContactData }) {
  const record = contactOfRecord(current);
  const changed = new Set(changedFields(record, proposed));
  const show = (v: string | null) => v || '—';
  return (
    <DataTable
      caption={t.pendingTitle}
      className="overflow-x-auto"
      rows={contactFields}
      rowKey={(f) => f}
      rowClassName={(f) => (changed.has(f) ? 'font-semibold' : '')}
      columns={[
        { header: t.field, rowHeader: true, className: 'font-medium', cell: (f) => labels[f] },
        { header: t.current, cell: (f) => show(record[f]) },
        {
          header: t.proposed,
          cellData: (f) => ({ 'data-proposed': f }),
          cell: (f) => (
            <>
              {show(proposed[f])}
              {changed.has(f) ? <span className="sr-only">{t.changed}</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
