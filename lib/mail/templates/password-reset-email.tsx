import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface PasswordResetEmailProps {
  firstName: string;
  resetUrl: string;
  validMinutes: number;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const m = wordsFor(props.locale).email.reset;
  return <LinkEmail {...props} text={m} href={props.resetUrl} before={[m.body]} after={[m.validity(props.validMinutes), m.notYou]} />;
}

PasswordResetEmail.PreviewProps = {
  firstName: 'Anna',
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
  facility: defaultFacility,
  locale: 'pl',
} satisfies PasswordResetEmailProps;
