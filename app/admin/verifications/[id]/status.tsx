import type { AccountDetail } from '@/lib/staff/account-detail';
import { pl } from '@/lib/messages/pl';

const t = pl.admin.detail;

/** What the last decision did, or why it was refused (from the redirect's query string). */
export function DecisionFlash({ done, error }: { done?: string; error?: string }) {
  return (
    <>
      {done && t.done[done] ? (
        <p role="status" className="mb-4 rounded-md border border-green-700 bg-green-50 p-3">
          {t.done[done]}
        </p>
      ) : null}
      {error && t.errors[error] ? (
        <p role="alert" className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3 text-danger">
          {t.errors[error]}
        </p>
      ) : null}
    </>
  );
}

/** The account's status, with who verified or blocked it. */
export function AccountStatusLine({ detail }: { detail: AccountDetail }) {
  const { account } = detail;
  return (
    <p className="mb-4">
      {pl.admin.queue.columns.status}: <strong data-account-status={account.status}>{pl.admin.statuses[account.status]}</strong>
      {account.status === 'verified' ? ` — ${t.verifiedInfo(detail.verifiedByName ?? '—', pl.admin.documents[account.verificationDocument ?? ''] ?? '—')}` : null}
      {account.status === 'blocked' ? ` — ${t.blockedInfo(detail.blockedByName ?? '—', account.blockedReason ?? '')}` : null}
    </p>
  );
}
