import { wordsFor } from '@/lib/messages';
import { defaultFacility, type AccountEmailProps } from './layout';
import { PatientEmail, Paragraphs } from './parts';

export type RegistrationAttemptEmailProps = AccountEmailProps;

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
