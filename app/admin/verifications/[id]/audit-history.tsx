import { Card } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

/** What staff did with this account, newest first. */
export function AuditHistory({ audit }: { audit: AccountDetail['audit'] }) {
  return (
    <section aria-labelledby="audit-title" className="mt-6">
      <Card>
        <h2 id="audit-title" className="mb-2 text-lg font-bold">
          {pl.admin.detail.audit}
        </h2>
        <ul className="text-sm">
          {audit.map((a, i) => (
            <li key={i}>
              {formatDateTime(a.createdAt)} — {a.staffName ?? '—'}: {a.action}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
