import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { Link } from '@react-email/components';
import { defaultFacility, type FacilityProps } from './layout';
import { NoticeEmail } from './parts';

export interface PasswordChangedEmailProps {
  firstName: string;
  /** When, as the patient reads it (Europe/Warsaw). */
  changedAt: string;
  forgotUrl: string;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** To the account's address after its password was changed in the settings. */
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const m = wordsFor(props.locale).selfService.email.passwordChanged;
  const notYou = (
    <>
      {m.notYou} <Link href={props.forgotUrl}>{props.forgotUrl}</Link> {m.contact}
    </>
  );
  return <NoticeEmail {...props} text={m} lines={[m.body(props.changedAt), m.ok, notYou]} />;
}

PasswordChangedEmail.PreviewProps = {
  firstName: 'Anna',
  changedAt: '12.03.2026, 14:05',
  forgotUrl: 'http://localhost:3000/password/forgot',
  facility: defaultFacility,
  locale: 'pl',
} satisfies PasswordChangedEmailProps;
