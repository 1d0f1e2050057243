import { Heading, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, type FacilityProps } from './layout';

export interface EmailChangeNoticeEmailProps {
  firstName: string;
  /** The new address, partly hidden (a stolen session should not learn more from the old mailbox). */
  maskedNewEmail: string;
  facility: FacilityProps;
}

const m = pl.selfService.email.emailChangeNotice;

/** To the old address when a change of the account's address is asked for. */
export function EmailChangeNoticeEmail(props: EmailChangeNoticeEmailProps) {
  const f = props.facility;
  return (
    <EmailLayout preview={m.preview} facility={f}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body(props.maskedNewEmail)}</Text>
      <Text>{m.notYou}</Text>
      <Text>
        {f.deskName} {f.facilityName}, {f.address}
        {f.phone ? `, tel. ${f.phone}` : ''}
      </Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = {
  firstName: 'Anna',
  maskedNewEmail: 'a***@p***.pl',
  facility: defaultFacility,
} satisfies EmailChangeNoticeEmailProps;

export default EmailChangeNoticeEmail;
