// The emails an account receives, rendered with the configured facility and address, in the
// account's language (web_accounts.locale).
import { ActivationEmail } from '@/emails/activation-email';
import type { FacilityProps } from '@/emails/layout';
import { IdentityVerifiedEmail } from '@/emails/identity-verified-email';
import { PasswordResetEmail } from '@/emails/password-reset-email';
import { RegistrationAttemptEmail } from '@/emails/registration-attempt-email';
import { SignInLockedEmail } from '@/emails/sign-in-locked-email';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import { templatedEmail } from '@/lib/mail/email-template';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { wordsFor } from '@/lib/messages';
import { isUntilLifted } from '@/lib/security/account-throttle';

export const RESET_TTL_HOURS = 1;

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

export function renderActivationEmail(params: { firstName: string; login: string; token: string; locale: Locale }): Promise<RenderedEmail> {
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

export function renderPasswordResetEmail(params: { firstName: string; token: string; locale: Locale }): Promise<RenderedEmail> {
  return passwordResetEmail(
    { locale: params.locale, appUrl: env.APP_URL, facility: facility() },
    { firstName: params.firstName, token: params.token },
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
