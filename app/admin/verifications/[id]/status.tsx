import { Notice } from '@/components/ui';
import type { AccountDetail } from '@/lib/staff/account-detail';
import { pl, wordFor } from '@/lib/messages/pl';

const t = pl.admin.detail;

/** What the last decision did, or why it was refused (from the redirect's query string). */
export function DecisionFlash({ done, error }: { done?: string; error?: string }) {
  const doneText = wordFor(t.done, done);
  const errorText = wordFor(t.errors, error);
  return (
    <>
      <Notice tone="success" className="mb-4" message={doneText} />
      <Notice tone="danger" className="mb-4" message={errorText} />
    </>
  );
}

/** The account's status, with who verified or blocked it. */
export function AccountStatusLine({ detail }: { detail: AccountDetail }) {
  const { account } = detail;
  return (
    <p className="mb-4">
      {pl.admin.queue.columns.status}: <strong data-account-status={account.status}>{pl.admin.statuses[account.status]}</strong>
      {account.status === 'verified'
        ? account.verificationMethod === 'login.gov.pl'
          ? ` — ${t.verifiedByNode(account.verificationLoa ?? '—', account.verificationMeans ?? '—')}`
          : ` — ${t.verifiedInfo(detail.verifiedByName ?? '—', wordFor(pl.admin.documents, account.verificationDocument) ?? '—')}`
        : null}
      {account.status === 'blocked' ? ` — ${t.blockedInfo(detail.blockedByName ?? '—', account.blockedReason ?? '')}` : null}
    </p>
  );
}
