import { pl } from '@/lib/messages/pl';
import { defaultFacility, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface EmailChangeConfirmEmailProps {
  firstName: string;
  confirmUrl: string;
  validHours: number;
  facility: FacilityProps;
}

const m = pl.selfService.email.emailConfirm;

/** To the new address: the link that makes it the account's address. */
export function EmailChangeConfirmEmail(props: EmailChangeConfirmEmailProps) {
  return <LinkEmail {...props} text={m} href={props.confirmUrl} before={[m.body]} after={[m.validity(props.validHours), m.notYou]} />;
}

EmailChangeConfirmEmail.PreviewProps = {
  firstName: 'Anna',
  confirmUrl: 'http://localhost:3000/account/email/confirm/przykladowy-token',
  validHours: 2,
  facility: defaultFacility,
} satisfies EmailChangeConfirmEmailProps;

export default EmailChangeConfirmEmail;
