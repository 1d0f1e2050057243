import { wordsFor } from '@/lib/messages';
import { type GreetingEmailProps, previewRecipient } from './layout';
import { LinkEmail } from './parts';

export interface PasswordResetEmailProps extends GreetingEmailProps {
  resetUrl: string;
  validMinutes: number;
}

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const m = wordsFor(props.locale).email.reset;
  return <LinkEmail {...props} text={m} href={props.resetUrl} before={[m.body]} after={[m.validity(props.validMinutes), m.notYou]} />;
}

PasswordResetEmail.PreviewProps = {
  ...previewRecipient,
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
} satisfies PasswordResetEmailProps;
