import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, type FacilityProps } from './layout';

export interface PasswordChangedEmailProps {
  firstName: string;
  /** When, as the patient reads it (Europe/Warsaw). */
  changedAt: string;
  forgotUrl: string;
  facility: FacilityProps;
}

const m = pl.selfService.email.passwordChanged;

/** To the account's address after its password was changed in the settings. */
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const f = props.facility;
  return (
    <EmailLayout preview={m.preview} facility={f}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body(props.changedAt)}</Text>
      <Text>{m.ok}</Text>
      <Text>
        {m.notYou} <Link href={props.forgotUrl}>{props.forgotUrl}</Link> {m.contact}
      </Text>
      <Text>
        {f.deskName} {f.facilityName}, {f.address}
        {f.phone ? `, tel. ${f.phone}` : ''}
      </Text>
    </EmailLayout>
  );
}

PasswordChangedEmail.PreviewProps = {
  firstName: 'Anna',
  changedAt: '12.03.2026, 14:05',
  forgotUrl: 'http://localhost:3000/password/forgot',
  facility: defaultFacility,
} satisfies PasswordChangedEmailProps;

export default PasswordChangedEmail;
