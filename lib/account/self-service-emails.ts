// The emails of the patient's self-service, rendered with the configured facility and address,
// in the account's language (web_accounts.locale).
import { EmailChangeConfirmEmail } from '@/emails/email-change-confirm-email';
import { EmailChangeNoticeEmail } from '@/emails/email-change-notice-email';
import { PasskeyAddedEmail } from '@/emails/passkey-added-email';
import { PasswordChangedEmail } from '@/emails/password-changed-email';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { wordsFor } from '@/lib/messages';

export function renderPasswordChangedEmail(params: { firstName: string; changedAt: Date; locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'password_changed',
    wordsFor(params.locale).selfService.email.passwordChanged.subject,
    PasswordChangedEmail({
      firstName: params.firstName,
      changedAt: formatDateTime(params.changedAt, params.locale),
      forgotUrl: `${env.APP_URL}/password/forgot`,
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderPasskeyAddedEmail(params: {
  firstName: string;
  passkeyName: string;
  addedAt: Date;
  locale: Locale;
}): Promise<RenderedEmail> {
  return renderEmail(
    'passkey_added',
    wordsFor(params.locale).selfService.email.passkeyAdded.subject,
    PasskeyAddedEmail({
      firstName: params.firstName,
      passkeyName: params.passkeyName,
      addedAt: formatDateTime(params.addedAt, params.locale),
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderEmailChangeConfirmEmail(params: {
  firstName: string;
  token: string;
  validHours: number;
  locale: Locale;
}): Promise<RenderedEmail> {
  return renderEmail(
    'email_change_confirm',
    wordsFor(params.locale).selfService.email.emailConfirm.subject,
    EmailChangeConfirmEmail({
      firstName: params.firstName,
      confirmUrl: `${env.APP_URL}/account/email/confirm/${params.token}`,
      validHours: params.validHours,
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderEmailChangeNoticeEmail(params: { firstName: string; newEmail: string; locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'email_change_notice',
    wordsFor(params.locale).selfService.email.emailChangeNotice.subject,
    EmailChangeNoticeEmail({
      firstName: params.firstName,
      maskedNewEmail: maskEmail(params.newEmail),
      facility: facility(),
      locale: params.locale,
    }),
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
