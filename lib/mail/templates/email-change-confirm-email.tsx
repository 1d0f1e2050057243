import { wordsFor } from '@/lib/messages';
import { type GreetingEmailProps, previewRecipient } from './layout';
import { LinkEmail } from './parts';

export interface EmailChangeConfirmEmailProps extends GreetingEmailProps {
  confirmUrl: string;
  validHours: number;
}

/** To the new address: the link that makes it the account's address. */
export function EmailChangeConfirmEmail(props: EmailChangeConfirmEmailProps) {
  const m = wordsFor(props.locale).selfService.email.emailConfirm;
  return <LinkEmail {...props} text={m} href={props.confirmUrl} before={[m.body]} after={[m.validity(props.validHours), m.notYou]} />;
}

EmailChangeConfirmEmail.PreviewProps = {
  ...previewRecipient,
  confirmUrl: 'http://localhost:3000/account/email/confirm/przykladowy-token',
  validHours: 2,
} satisfies EmailChangeConfirmEmailProps;
