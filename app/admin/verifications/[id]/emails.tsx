import { ActionButton, CardSection } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail, SentLink } from '@/lib/staff/account-detail';
import { resendActivationStaffAction } from './actions';

const t = pl.admin.detail;

/** The emails and SMS sent to the account, the button for a new activation link, and the links' states. */
export function EmailsAndLinks({ detail, canResend }: { detail: AccountDetail; canResend: boolean }) {
  return (
    <CardSection id="emails-title" title={t.emails}>
      <ul className="flex flex-col gap-2 text-sm">
        {detail.emails.map((m) => (
          <li key={m.id}>
            <strong>{m.subject}</strong>
            {t.emailLine(m.status, m.attempts, formatDateTime(m.createdAt))}
            {m.lastError ? <span className="block text-danger">{m.lastError}</span> : null}
          </li>
        ))}
      </ul>
      {canResend ? (
        <ActionButton
          action={resendActivationStaffAction}
          fields={{ accountId: detail.account.id }}
          formClassName="mt-3"
          className="min-h-11 rounded-md border border-brand px-4 font-medium text-brand"
        >
          {t.resend}
        </ActionButton>
      ) : null}
      <h3 className="mt-4 mb-1 font-bold">{t.texts}</h3>
      {detail.texts.length === 0 ? (
        <p className="text-sm">{t.textsNone}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm" data-sms-list>
          {detail.texts.map((m) => (
            <li key={m.id} data-sms-status={m.status}>
              {t.textLine(m.template, m.status, m.attempts, formatDateTime(m.createdAt))}
              {m.lastError ? <span className="block text-danger">{m.lastError}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 mb-1 font-bold">{t.tokens}</h3>
      <ul className="flex flex-col gap-1 text-sm">
        {detail.tokens.map((link, i) => (
          <li key={i}>
            {t.linkSent(t.linkPurposes[link.purpose], formatDateTime(link.createdAt))}
            {describeLinkState(link)}
          </li>
        ))}
      </ul>
    </CardSection>
  );
}

function describeLinkState(link: SentLink): string {
  switch (link.state) {
    case 'used':
      return t.linkStates.used(formatDateTime(link.usedAt));
    case 'superseded':
      return t.linkStates.superseded();
    case 'expired':
      return t.linkStates.expired();
    case 'valid':
      return t.linkStates.valid(formatDateTime(link.expiresAt));
  }
}
