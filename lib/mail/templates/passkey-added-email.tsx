import { wordsFor } from '@/lib/messages';
import { type GreetingEmailProps, previewRecipient } from './layout';
import { NoticeEmail } from './parts';

export interface PasskeyAddedEmailProps extends GreetingEmailProps {
  /** The name the patient gave the passkey. */
  passkeyName: string;
  /** When, as the patient reads it (Europe/Warsaw). */
  addedAt: string;
}

/** To the account's address after a passkey was added: a new way in that needs no password. */
export function PasskeyAddedEmail(props: PasskeyAddedEmailProps) {
  const m = wordsFor(props.locale).selfService.email.passkeyAdded;
  return <NoticeEmail {...props} text={m} lines={[m.body(props.passkeyName, props.addedAt), m.notYou]} />;
}

PasskeyAddedEmail.PreviewProps = {
  ...previewRecipient,
  passkeyName: 'Telefon',
  addedAt: '12.03.2026, 14:05',
} satisfies PasskeyAddedEmailProps;
