// The emails an account receives, rendered with the configured facility and address, in the
// account's language (web_accounts.locale).
import { ActivationEmail } from '@/emails/activation-email';
import { IdentityVerifiedEmail } from '@/emails/identity-verified-email';
import { PasswordResetEmail } from '@/emails/password-reset-email';
import { RegistrationAttemptEmail } from '@/emails/registration-attempt-email';
import { SignInLockedEmail } from '@/emails/sign-in-locked-email';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { wordsFor } from '@/lib/messages';
import { isUntilLifted } from '@/lib/security/account-throttle';

export const RESET_TTL_HOURS = 1;

export function renderActivationEmail(params: { firstName: string; login: string; token: string; locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'activation',
    wordsFor(params.locale).email.activation.subject,
    ActivationEmail({
      firstName: params.firstName,
      activationUrl: `${env.APP_URL}/activate/${params.token}`,
      validHours: env.ACTIVATION_TTL_HOURS,
      login: env.MAIL_INCLUDE_LOGIN ? params.login : null,
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderPasswordResetEmail(params: { firstName: string; token: string; locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'password_reset',
    wordsFor(params.locale).email.reset.subject,
    PasswordResetEmail({
      firstName: params.firstName,
      resetUrl: `${env.APP_URL}/password/reset/${params.token}`,
      validMinutes: RESET_TTL_HOURS * 60,
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderIdentityVerifiedEmail(params: { firstName: string; locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'identity_verified',
    wordsFor(params.locale).email.verified.subject,
    IdentityVerifiedEmail({
      firstName: params.firstName,
      accountUrl: `${env.APP_URL}/account`,
      facility: facility(),
      locale: params.locale,
    }),
  );
}

export function renderRegistrationAttemptEmail(params: { locale: Locale }): Promise<RenderedEmail> {
  return renderEmail(
    'registration_attempt',
    wordsFor(params.locale).email.attempt.subject,
    RegistrationAttemptEmail({ facility: facility(), locale: params.locale }),
  );
}

export function renderSignInLockedEmail(params: {
  firstName: string;
  token: string;
  lockedUntil: Date;
  locale: Locale;
}): Promise<RenderedEmail> {
  return renderEmail(
    'signin_locked',
    wordsFor(params.locale).email.signInLocked.subject,
    SignInLockedEmail({
      firstName: params.firstName,
      lockedUntil: isUntilLifted(params.lockedUntil) ? null : formatDateTime(params.lockedUntil, params.locale),
      resetUrl: `${env.APP_URL}/password/reset/${params.token}`,
      validMinutes: RESET_TTL_HOURS * 60,
      forgotUrl: `${env.APP_URL}/password/forgot`,
      facility: facility(),
      locale: params.locale,
    }),
  );
}
