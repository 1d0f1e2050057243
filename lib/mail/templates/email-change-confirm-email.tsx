import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface EmailChangeConfirmEmailProps {
  firstName: string;
  confirmUrl: string;
  validHours: number;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** To the new address: the link that makes it the account's address. */
export function EmailChangeConfirmEmail(props: EmailChangeConfirmEmailProps) {
  const m = wordsFor(props.locale).selfService.email.emailConfirm;
  return <LinkEmail {...props} text={m} href={props.confirmUrl} before={[m.body]} after={[m.validity(props.validHours), m.notYou]} />;
}

EmailChangeConfirmEmail.PreviewProps = {
  firstName: 'Anna',
  confirmUrl: 'http://localhost:3000/account/email/confirm/przykladowy-token',
  validHours: 2,
  facility: defaultFacility,
  locale: 'pl',
} satisfies EmailChangeConfirmEmailProps;
