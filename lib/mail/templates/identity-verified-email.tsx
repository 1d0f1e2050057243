import { wordsFor } from '@/lib/messages';
import { Text } from '@react-email/components';
import { facilityDesk, type GreetingEmailProps, previewRecipient } from './layout';
import { PatientEmail, UrlLine } from './parts';

export interface IdentityVerifiedEmailProps extends GreetingEmailProps {
  accountUrl: string;
}

export function IdentityVerifiedEmail(props: IdentityVerifiedEmailProps) {
  const m = wordsFor(props.locale).email.verified;
  return (
    <PatientEmail {...props} text={m}>
      <Text>{m.body(facilityDesk(props.facility, props.locale))}</Text>
      <UrlLine href={props.accountUrl} />
    </PatientEmail>
  );
}

IdentityVerifiedEmail.PreviewProps = {
  ...previewRecipient,
  accountUrl: 'http://localhost:3000/account',
} satisfies IdentityVerifiedEmailProps;
