import { CardSection } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

/** What staff did with this account, newest first. */
export function AuditHistory({ audit }: { audit: AccountDetail['audit'] }) {
  return (
    <CardSection id="audit-title" title={pl.admin.detail.audit} className="mt-6">
      <ul className="text-sm">
        {audit.map((a, i) => (
          <li key={i}>
            {formatDateTime(a.createdAt)} — {a.staffName ?? '—'}: {a.action}
          </li>
        ))}
      </ul>
    </CardSection>
  );
}
