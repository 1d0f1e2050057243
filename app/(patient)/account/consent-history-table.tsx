import { DataTable } from '@/components/ui/data-table';
import type { ConsentAction, ConsentChannel, ConsentKind } from '@/db/schema';
import { words } from '@/lib/i18n/words';

export interface ConsentHistoryRow {
  kind: ConsentKind;
  action: ConsentAction;
  textVersion: string;
  /** Already formatted for the reader. */
  at: string;
  channel: ConsentChannel;
  ip: string | null;
}

/** Every consent given or withdrawn, oldest first: on the account page and on "Moje dane". */
export async function ConsentHistoryTable({ rows, className }: { rows: ConsentHistoryRow[]; className: string }) {
  const t = (await words()).selfService.consents;
  return (
    <DataTable
      caption={t.historyCaption}
      className={className}
      scrollable
      rows={rows}
      rowKey={(_, i) => i}
      columns={[
        { header: t.columns.kind, cell: (c) => t.kinds[c.kind] },
        { header: t.columns.action, cell: (c) => t.actions[c.action] },
        { header: t.columns.version, cell: (c) => c.textVersion },
        { header: t.columns.at, className: 'whitespace-nowrap', cell: (c) => c.at },
        { header: t.columns.channel, cell: (c) => t.channels[c.channel] },
        { header: t.columns.ip, className: 'break-all', cell: (c) => c.ip ?? '—' },
      ]}
    />
  );
}
