import { pl } from '@/lib/messages/pl';
import { defaultFacility, type FacilityProps } from './layout';
import { NoticeEmail } from './parts';

export interface EmailChangeNoticeEmailProps {
  firstName: string;
  /** The new address, partly hidden (a stolen session should not learn more from the old mailbox). */
  maskedNewEmail: string;
  facility: FacilityProps;
}

const m = pl.selfService.email.emailChangeNotice;

/** To the old address when a change of the account's address is asked for. */
export function EmailChangeNoticeEmail(props: EmailChangeNoticeEmailProps) {
  return <NoticeEmail {...props} text={m} lines={[m.body(props.maskedNewEmail), m.notYou]} />;
}

EmailChangeNoticeEmail.PreviewProps = {
  firstName: 'Anna',
  maskedNewEmail: 'a***@p***.pl',
  facility: defaultFacility,
} satisfies EmailChangeNoticeEmailProps;

export default EmailChangeNoticeEmail;
