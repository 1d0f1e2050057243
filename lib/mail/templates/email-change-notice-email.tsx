import { wordsFor } from '@/lib/messages';
import { type GreetingEmailProps, previewRecipient } from './layout';
import { NoticeEmail } from './parts';

export interface EmailChangeNoticeEmailProps extends GreetingEmailProps {
  /** The new address, partly hidden (a stolen session should not learn more from the old mailbox). */
  maskedNewEmail: string;
}

/** To the old address when a change of the account's address is asked for. */
export function EmailChangeNoticeEmail(props: EmailChangeNoticeEmailProps) {
  const m = wordsFor(props.locale).selfService.email.emailChangeNotice;
  return <NoticeEmail {...props} text={m} lines={[m.body(props.maskedNewEmail), m.notYou]} />;
}

EmailChangeNoticeEmail.PreviewProps = {
  ...previewRecipient,
  maskedNewEmail: 'a***@p***.pl',
} satisfies EmailChangeNoticeEmailProps;
