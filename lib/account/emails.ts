// Every email an account receives, rendered with the configured facility and address, in the
// account's language (web_accounts.locale): the templates (lib/mail/templates/) with their
// subjects and links, ready for the outbox.
import type { ReactElement } from 'react';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { templatedEmail } from '@/lib/mail/email-template';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { ActivationEmail } from '@/lib/mail/templates/activation-email';
import { EmailChangeConfirmEmail } from '@/lib/mail/templates/email-change-confirm-email';
import { EmailChangeNoticeEmail } from '@/lib/mail/templates/email-change-notice-email';
import { IdentityVerifiedEmail } from '@/lib/mail/templates/identity-verified-email';
import type { AccountEmailProps, FacilityProps } from '@/lib/mail/templates/layout';
import { PasskeyAddedEmail } from '@/lib/mail/templates/passkey-added-email';
import { PasswordChangedEmail } from '@/lib/mail/templates/password-changed-email';
import { PasswordResetEmail } from '@/lib/mail/templates/password-reset-email';
import { RegistrationAttemptEmail } from '@/lib/mail/templates/registration-attempt-email';
import { SignInLockedEmail } from '@/lib/mail/templates/sign-in-locked-email';
import { wordsFor } from '@/lib/messages';
import type { Catalogue } from '@/lib/messages/catalogue';
import { isUntilLifted } from '@/lib/security/account-throttle';

export const RESET_TTL_HOURS = 1;

/** Whom an account's email greets, and in which language it is written. */
interface Recipient {
  firstName: string;
  locale: Locale;
}

// Rendered for every registration and every link sent: through a per-process template with the
// recipient's values filled in (lib/mail/email-template.ts), byte for byte a full render.
const activationEmail = templatedEmail(
  (
    settings: { locale: Locale; appUrl: string; validHours: number; withLogin: boolean; facility: FacilityProps },
    values: { firstName: string; login: string; token: string },
  ) =>
    renderEmail(
      'activation',
      wordsFor(settings.locale).email.activation.subject,
      ActivationEmail({
        firstName: values.firstName,
        activationUrl: `${settings.appUrl}/activate/${values.token}`,
        validHours: settings.validHours,
        login: settings.withLogin ? values.login : null,
        facility: settings.facility,
        locale: settings.locale,
      }),
    ),
  { firstName: "Zo'ś-ja Ąn", login: 'pro.be_login-1', token: 'Ab0_-probe' },
);

export function renderActivationEmail(params: Recipient & { login: string; token: string }): Promise<RenderedEmail> {
  return activationEmail(
    {
      locale: params.locale,
      appUrl: env.APP_URL,
      validHours: env.ACTIVATION_TTL_HOURS,
      withLogin: env.MAIL_INCLUDE_LOGIN,
      facility: facility(),
    },
    { firstName: params.firstName, login: params.login, token: params.token },
  );
}

const passwordResetEmail = templatedEmail(
  (settings: { locale: Locale; appUrl: string; facility: FacilityProps }, values: { firstName: string; token: string }) =>
    renderEmail(
      'password_reset',
      wordsFor(settings.locale).email.reset.subject,
      PasswordResetEmail({
        firstName: values.firstName,
        resetUrl: `${settings.appUrl}/password/reset/${values.token}`,
        validMinutes: RESET_TTL_HOURS * 60,
        facility: settings.facility,
        locale: settings.locale,
      }),
    ),
  { firstName: "Zo'ś-ja Ąn", token: 'Ab0_-probe' },
);

export function renderPasswordResetEmail(params: Recipient & { token: string }): Promise<RenderedEmail> {
  return passwordResetEmail(
    { locale: params.locale, appUrl: env.APP_URL, facility: facility() },
    { firstName: params.firstName, token: params.token },
  );
}

/**
 * An email rendered in full for one account: the subject from its `words` in the account's
 * catalogue, the template given the configured facility and the account's language besides its
 * own `props`.
 */
function accountEmail<P>(
  template: string,
  words: (catalogue: Catalogue) => { subject: string },
  Template: (props: NoInfer<P> & AccountEmailProps) => ReactElement,
  props: P,
  locale: Locale,
): Promise<RenderedEmail> {
  return renderEmail(template, words(wordsFor(locale)).subject, Template({ ...props, facility: facility(), locale }));
}

export function renderIdentityVerifiedEmail(params: Recipient): Promise<RenderedEmail> {
  const props = { firstName: params.firstName, accountUrl: `${env.APP_URL}/account` };
  return accountEmail('identity_verified', (w) => w.email.verified, IdentityVerifiedEmail, props, params.locale);
}

export function renderRegistrationAttemptEmail(params: { locale: Locale }): Promise<RenderedEmail> {
  return accountEmail('registration_attempt', (w) => w.email.attempt, RegistrationAttemptEmail, {}, params.locale);
}

export function renderSignInLockedEmail(params: Recipient & { token: string; lockedUntil: Date }): Promise<RenderedEmail> {
  const props = {
    firstName: params.firstName,
    lockedUntil: isUntilLifted(params.lockedUntil) ? null : formatDateTime(params.lockedUntil, params.locale),
    resetUrl: `${env.APP_URL}/password/reset/${params.token}`,
    validMinutes: RESET_TTL_HOURS * 60,
    forgotUrl: `${env.APP_URL}/password/forgot`,
  };
  return accountEmail('signin_locked', (w) => w.email.signInLocked, SignInLockedEmail, props, params.locale);
}

// The patient's self-service: a changed password, a new passkey, a change of email address.

export function renderPasswordChangedEmail(params: Recipient & { changedAt: Date }): Promise<RenderedEmail> {
  const props = {
    firstName: params.firstName,
    changedAt: formatDateTime(params.changedAt, params.locale),
    forgotUrl: `${env.APP_URL}/password/forgot`,
  };
  return accountEmail('password_changed', (w) => w.selfService.email.passwordChanged, PasswordChangedEmail, props, params.locale);
}

export function renderPasskeyAddedEmail(params: Recipient & { passkeyName: string; addedAt: Date }): Promise<RenderedEmail> {
  const props = { firstName: params.firstName, passkeyName: params.passkeyName, addedAt: formatDateTime(params.addedAt, params.locale) };
  return accountEmail('passkey_added', (w) => w.selfService.email.passkeyAdded, PasskeyAddedEmail, props, params.locale);
}

export function renderEmailChangeConfirmEmail(params: Recipient & { token: string; validHours: number }): Promise<RenderedEmail> {
  const props = {
    firstName: params.firstName,
    confirmUrl: `${env.APP_URL}/account/email/confirm/${params.token}`,
    validHours: params.validHours,
  };
  return accountEmail('email_change_confirm', (w) => w.selfService.email.emailConfirm, EmailChangeConfirmEmail, props, params.locale);
}

export function renderEmailChangeNoticeEmail(params: Recipient & { newEmail: string }): Promise<RenderedEmail> {
  const props = { firstName: params.firstName, maskedNewEmail: maskEmail(params.newEmail) };
  return accountEmail('email_change_notice', (w) => w.selfService.email.emailChangeNotice, EmailChangeNoticeEmail, props, params.locale);
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
