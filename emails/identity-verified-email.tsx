import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, type FacilityProps } from './layout';

export interface IdentityVerifiedEmailProps {
  firstName: string;
  accountUrl: string;
  facility: FacilityProps;
}

const m = pl.email.verified;

export function IdentityVerifiedEmail(props: IdentityVerifiedEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body(props.facility.deskName)}</Text>
      <Text>
        <Link href={props.accountUrl}>{props.accountUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

IdentityVerifiedEmail.PreviewProps = {
  firstName: 'Anna',
  accountUrl: 'http://localhost:3000/account',
  facility: defaultFacility,
} satisfies IdentityVerifiedEmailProps;

export default IdentityVerifiedEmail;
