// The emails of the patient's self-service, rendered with the configured facility and address.
import { EmailChangeConfirmEmail } from '@/emails/email-change-confirm-email';
import { EmailChangeNoticeEmail } from '@/emails/email-change-notice-email';
import { PasswordChangedEmail } from '@/emails/password-changed-email';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { pl } from '@/lib/messages/pl';

const m = pl.selfService.email;

export function renderPasswordChangedEmail(params: { firstName: string; changedAt: Date }): Promise<RenderedEmail> {
  return renderEmail(
    'password_changed',
    m.passwordChanged.subject,
    PasswordChangedEmail({
      firstName: params.firstName,
      changedAt: formatDateTime(params.changedAt),
      forgotUrl: `${env.APP_URL}/password/forgot`,
      facility: facility(),
    }),
  );
}

export function renderEmailChangeConfirmEmail(params: { firstName: string; token: string; validHours: number }): Promise<RenderedEmail> {
  return renderEmail(
    'email_change_confirm',
    m.emailConfirm.subject,
    EmailChangeConfirmEmail({
      firstName: params.firstName,
      confirmUrl: `${env.APP_URL}/account/email/confirm/${params.token}`,
      validHours: params.validHours,
      facility: facility(),
    }),
  );
}

export function renderEmailChangeNoticeEmail(params: { firstName: string; newEmail: string }): Promise<RenderedEmail> {
  return renderEmail(
    'email_change_notice',
    m.emailChangeNotice.subject,
    EmailChangeNoticeEmail({ firstName: params.firstName, maskedNewEmail: maskEmail(params.newEmail), facility: facility() }),
  );
}

/** `anna.nowak@poczta.pl` → `a***@p***.pl`: enough to recognise, not to learn the address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${Array.from(local)[0]}***@${Array.from(host)[0] ?? ''}***${tld}`;
}
