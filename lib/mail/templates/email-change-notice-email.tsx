import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, type FacilityProps } from './layout';
import { NoticeEmail } from './parts';

export interface EmailChangeNoticeEmailProps {
  firstName: string;
  /** The new address, partly hidden (a stolen session should not learn more from the old mailbox). */
  maskedNewEmail: string;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** To the old address when a change of the account's address is asked for. */
export function EmailChangeNoticeEmail(props: EmailChangeNoticeEmailProps) {
  const m = wordsFor(props.locale).selfService.email.emailChangeNotice;
  return <NoticeEmail {...props} text={m} lines={[m.body(props.maskedNewEmail), m.notYou]} />;
}

EmailChangeNoticeEmail.PreviewProps = {
  firstName: 'Anna',
  maskedNewEmail: 'a***@p***.pl',
  facility: defaultFacility,
  locale: 'pl',
} satisfies EmailChangeNoticeEmailProps;
