import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, PrimaryButton, type FacilityProps } from './layout';

export interface PasswordResetEmailProps {
  firstName: string;
  resetUrl: string;
  validMinutes: number;
  facility: FacilityProps;
}

const m = pl.email.reset;

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body}</Text>
      <PrimaryButton href={props.resetUrl}>{m.button}</PrimaryButton>
      <Text>{pl.email.activation.fallback}</Text>
      <Text>
        <Link href={props.resetUrl}>{props.resetUrl}</Link>
      </Text>
      <Text>{m.validity(props.validMinutes)}</Text>
      <Text>{m.notYou}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  firstName: 'Anna',
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
  facility: defaultFacility,
} satisfies PasswordResetEmailProps;

export default PasswordResetEmail;
