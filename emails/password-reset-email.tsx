import { pl } from '@/lib/messages/pl';
import { defaultFacility, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface PasswordResetEmailProps {
  firstName: string;
  resetUrl: string;
  validMinutes: number;
  facility: FacilityProps;
}

const m = pl.email.reset;

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  return <LinkEmail {...props} text={m} href={props.resetUrl} before={[m.body]} after={[m.validity(props.validMinutes), m.notYou]} />;
}

PasswordResetEmail.PreviewProps = {
  firstName: 'Anna',
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
  facility: defaultFacility,
} satisfies PasswordResetEmailProps;

export default PasswordResetEmail;
