import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, PrimaryButton, type FacilityProps } from './layout';

export interface EmailChangeConfirmEmailProps {
  firstName: string;
  confirmUrl: string;
  validHours: number;
  facility: FacilityProps;
}

const m = pl.selfService.email.emailConfirm;

/** To the new address: the link that makes it the account's address. */
export function EmailChangeConfirmEmail(props: EmailChangeConfirmEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body}</Text>
      <PrimaryButton href={props.confirmUrl}>{m.button}</PrimaryButton>
      <Text>{pl.email.activation.fallback}</Text>
      <Text>
        <Link href={props.confirmUrl}>{props.confirmUrl}</Link>
      </Text>
      <Text>{m.validity(props.validHours)}</Text>
      <Text>{m.notYou}</Text>
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = {
  firstName: 'Anna',
  confirmUrl: 'http://localhost:3000/account/email/confirm/przykladowy-token',
  validHours: 2,
  facility: defaultFacility,
} satisfies EmailChangeConfirmEmailProps;

export default EmailChangeConfirmEmail;
