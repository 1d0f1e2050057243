// The emails an account receives, rendered with the configured facility and address.
import { ActivationEmail } from '@/emails/activation-email';
import { IdentityVerifiedEmail } from '@/emails/identity-verified-email';
import { PasswordResetEmail } from '@/emails/password-reset-email';
import { RegistrationAttemptEmail } from '@/emails/registration-attempt-email';
import { SignInLockedEmail } from '@/emails/sign-in-locked-email';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { formatDateTime } from '@/lib/format';
import { renderEmail, type RenderedEmail } from '@/lib/mail/outbox';
import { pl } from '@/lib/messages/pl';
import { isUntilLifted } from '@/lib/security/account-throttle';

export const RESET_TTL_HOURS = 1;

export function renderActivationEmail(params: { firstName: string; login: string; token: string }): Promise<RenderedEmail> {
  return renderEmail(
    'activation',
    pl.email.activation.subject,
    ActivationEmail({
      firstName: params.firstName,
      activationUrl: `${env.APP_URL}/activate/${params.token}`,
      validHours: env.ACTIVATION_TTL_HOURS,
      login: env.MAIL_INCLUDE_LOGIN ? params.login : null,
      facility: facility(),
    }),
  );
}

export function renderPasswordResetEmail(params: { firstName: string; token: string }): Promise<RenderedEmail> {
  return renderEmail(
    'password_reset',
    pl.email.reset.subject,
    PasswordResetEmail({
      firstName: params.firstName,
      resetUrl: `${env.APP_URL}/password/reset/${params.token}`,
      validMinutes: RESET_TTL_HOURS * 60,
      facility: facility(),
    }),
  );
}

export function renderIdentityVerifiedEmail(params: { firstName: string }): Promise<RenderedEmail> {
  return renderEmail(
    'identity_verified',
    pl.email.verified.subject,
    IdentityVerifiedEmail({ firstName: params.firstName, accountUrl: `${env.APP_URL}/account`, facility: facility() }),
  );
}

export function renderRegistrationAttemptEmail(): Promise<RenderedEmail> {
  return renderEmail('registration_attempt', pl.email.attempt.subject, RegistrationAttemptEmail({ facility: facility() }));
}

export function renderSignInLockedEmail(params: { firstName: string; token: string; lockedUntil: Date }): Promise<RenderedEmail> {
  return renderEmail(
    'signin_locked',
    pl.email.signInLocked.subject,
    SignInLockedEmail({
      firstName: params.firstName,
      lockedUntil: isUntilLifted(params.lockedUntil) ? null : formatDateTime(params.lockedUntil),
      resetUrl: `${env.APP_URL}/password/reset/${params.token}`,
      validMinutes: RESET_TTL_HOURS * 60,
      forgotUrl: `${env.APP_URL}/password/forgot`,
      facility: facility(),
    }),
  );
}
