import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, type FacilityProps } from './layout';
import { NoticeEmail } from './parts';

export interface PasskeyAddedEmailProps {
  firstName: string;
  /** The name the patient gave the passkey. */
  passkeyName: string;
  /** When, as the patient reads it (Europe/Warsaw). */
  addedAt: string;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** To the account's address after a passkey was added: a new way in that needs no password. */
export function PasskeyAddedEmail(props: PasskeyAddedEmailProps) {
  const m = wordsFor(props.locale).selfService.email.passkeyAdded;
  return <NoticeEmail {...props} text={m} lines={[m.body(props.passkeyName, props.addedAt), m.notYou]} />;
}

PasskeyAddedEmail.PreviewProps = {
  firstName: 'Anna',
  passkeyName: 'Telefon',
  addedAt: '12.03.2026, 14:05',
  facility: defaultFacility,
  locale: 'pl',
} satisfies PasskeyAddedEmailProps;
