import { wordsFor } from '@/lib/messages';
import { previewRecipient } from './layout';
import type { PasswordResetEmailProps } from './password-reset-email';
import { LinkEmail } from './parts';

/** The reset link of a password reset email, with why it was sent. */
export interface SignInLockedEmailProps extends PasswordResetEmailProps {
  /** When the lock ends by itself, as the patient reads it; null when it lasts until lifted. */
  lockedUntil: string | null;
  forgotUrl: string;
}

/** To the owner of an account whose sign-in by password was locked after many failed attempts. */
export function SignInLockedEmail(props: SignInLockedEmailProps) {
  const m = wordsFor(props.locale).email.signInLocked;
  return (
    <LinkEmail
      {...props}
      text={m}
      href={props.resetUrl}
      before={[m.body, m.until(props.lockedUntil)]}
      after={[m.validity(props.validMinutes), m.expired(props.forgotUrl), m.notYou]}
    />
  );
}

SignInLockedEmail.PreviewProps = {
  ...previewRecipient,
  lockedUntil: '24.05.2026, 14:30',
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
  forgotUrl: 'http://localhost:3000/password/forgot',
} satisfies SignInLockedEmailProps;
