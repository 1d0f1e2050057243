import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, PrimaryButton, type FacilityProps } from './layout';

export interface ActivationEmailProps {
  firstName: string;
  activationUrl: string;
  validHours: number;
  /** Only when MAIL_INCLUDE_LOGIN is on. */
  login?: string | null;
  facility: FacilityProps;
}

const m = pl.email.activation;

export function ActivationEmail(props: ActivationEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{m.greeting(props.firstName)}</Text>
      <Text>{m.body}</Text>
      <PrimaryButton href={props.activationUrl}>{m.button}</PrimaryButton>
      <Text>{m.fallback}</Text>
      <Text>
        <Link href={props.activationUrl}>{props.activationUrl}</Link>
      </Text>
      {props.login ? <Text>{m.login(props.login)}</Text> : null}
      <Text>{m.validity(props.validHours)}</Text>
      <Text>
        {m.desk} {props.facility.deskName} {props.facility.facilityName}, {props.facility.address}.
      </Text>
      <Text>{m.notYou}</Text>
    </EmailLayout>
  );
}

ActivationEmail.PreviewProps = {
  firstName: 'Anna',
  activationUrl: 'http://localhost:3000/activate/przykladowy-token',
  validHours: 24,
  login: null,
  facility: defaultFacility,
} satisfies ActivationEmailProps;

export default ActivationEmail;
