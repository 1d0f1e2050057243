import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, type FacilityProps } from './layout';
import { PatientEmail, Paragraphs } from './parts';

export interface RegistrationAttemptEmailProps {
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** To the owner of an address someone tried to register again (NOTIFY_EMAIL_OWNER_ON_CONFLICT). */
export function RegistrationAttemptEmail(props: RegistrationAttemptEmailProps) {
  const m = wordsFor(props.locale).email.attempt;
  return (
    <PatientEmail text={m} facility={props.facility} locale={props.locale}>
      <Paragraphs lines={[m.body, m.action]} />
    </PatientEmail>
  );
}

RegistrationAttemptEmail.PreviewProps = { facility: defaultFacility, locale: 'pl' } satisfies RegistrationAttemptEmailProps;
