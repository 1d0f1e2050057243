import { Heading, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, type FacilityProps } from './layout';

export interface RegistrationAttemptEmailProps {
  facility: FacilityProps;
}

const m = pl.email.attempt;

/** To the owner of an address someone tried to register again (NOTIFY_EMAIL_OWNER_ON_CONFLICT). */
export function RegistrationAttemptEmail(props: RegistrationAttemptEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{m.body}</Text>
      <Text>{m.action}</Text>
    </EmailLayout>
  );
}

RegistrationAttemptEmail.PreviewProps = { facility: defaultFacility } satisfies RegistrationAttemptEmailProps;

export default RegistrationAttemptEmail;
