import { pl } from '@/lib/messages/pl';
import { Text } from '@react-email/components';
import { defaultFacility, type FacilityProps } from './layout';
import { PatientEmail, UrlLine } from './parts';

export interface IdentityVerifiedEmailProps {
  firstName: string;
  accountUrl: string;
  facility: FacilityProps;
}

const m = pl.email.verified;

export function IdentityVerifiedEmail(props: IdentityVerifiedEmailProps) {
  return (
    <PatientEmail {...props} text={m}>
      <Text>{m.body(props.facility.deskName)}</Text>
      <UrlLine href={props.accountUrl} />
    </PatientEmail>
  );
}

IdentityVerifiedEmail.PreviewProps = {
  firstName: 'Anna',
  accountUrl: 'http://localhost:3000/account',
  facility: defaultFacility,
} satisfies IdentityVerifiedEmailProps;

export default IdentityVerifiedEmail;
