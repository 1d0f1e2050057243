import { wordsFor } from '@/lib/messages';
import { Link } from '@react-email/components';
import { type GreetingEmailProps, previewRecipient } from './layout';
import { NoticeEmail } from './parts';

export interface PasswordChangedEmailProps extends GreetingEmailProps {
  /** When, as the patient reads it (Europe/Warsaw). */
  changedAt: string;
  forgotUrl: string;
}

/** To the account's address after its password was changed in the settings. */
export function PasswordChangedEmail(props: PasswordChangedEmailProps) {
  const m = wordsFor(props.locale).selfService.email.passwordChanged;
  const notYou = (
    <>
      {m.notYou} <Link href={props.forgotUrl}>{props.forgotUrl}</Link> {m.contact}
    </>
  );
  return <NoticeEmail {...props} text={m} lines={[m.body(props.changedAt), m.ok, notYou]} />;
}

PasswordChangedEmail.PreviewProps = {
  ...previewRecipient,
  changedAt: '12.03.2026, 14:05',
  forgotUrl: 'http://localhost:3000/password/forgot',
} satisfies PasswordChangedEmailProps;
