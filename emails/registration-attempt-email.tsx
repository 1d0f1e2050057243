import { pl } from '@/lib/messages/pl';
import { defaultFacility, type FacilityProps } from './layout';
import { PatientEmail, Paragraphs } from './parts';

export interface RegistrationAttemptEmailProps {
  facility: FacilityProps;
}

const m = pl.email.attempt;

/** To the owner of an address someone tried to register again (NOTIFY_EMAIL_OWNER_ON_CONFLICT). */
export function RegistrationAttemptEmail(props: RegistrationAttemptEmailProps) {
  return (
    <PatientEmail text={m} facility={props.facility}>
      <Paragraphs lines={[m.body, m.action]} />
    </PatientEmail>
  );
}

RegistrationAttemptEmail.PreviewProps = { facility: defaultFacility } satisfies RegistrationAttemptEmailProps;

export default RegistrationAttemptEmail;
