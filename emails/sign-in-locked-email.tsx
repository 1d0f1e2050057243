import { Heading, Link, Text } from '@react-email/components';
import { pl } from '@/lib/messages/pl';
import { defaultFacility, EmailLayout, PrimaryButton, type FacilityProps } from './layout';

export interface SignInLockedEmailProps {
  firstName: string;
  /** When the lock ends by itself, as the patient reads it; null when it lasts until lifted. */
  lockedUntil: string | null;
  resetUrl: string;
  validMinutes: number;
  forgotUrl: string;
  facility: FacilityProps;
}

const m = pl.email.signInLocked;

/** To the owner of an account whose sign-in by password was locked after many failed attempts. */
export function SignInLockedEmail(props: SignInLockedEmailProps) {
  return (
    <EmailLayout preview={m.preview} facility={props.facility}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {m.subject}
      </Heading>
      <Text>{pl.email.activation.greeting(props.firstName)}</Text>
      <Text>{m.body}</Text>
      <Text>{m.until(props.lockedUntil)}</Text>
      <PrimaryButton href={props.resetUrl}>{m.button}</PrimaryButton>
      <Text>{pl.email.activation.fallback}</Text>
      <Text>
        <Link href={props.resetUrl}>{props.resetUrl}</Link>
      </Text>
      <Text>{m.validity(props.validMinutes)}</Text>
      <Text>{m.expired(props.forgotUrl)}</Text>
      <Text>{m.notYou}</Text>
    </EmailLayout>
  );
}

SignInLockedEmail.PreviewProps = {
  firstName: 'Anna',
  lockedUntil: '24.05.2026, 14:30',
  resetUrl: 'http://localhost:3000/password/reset/przykladowy-token',
  validMinutes: 60,
  forgotUrl: 'http://localhost:3000/password/forgot',
  facility: defaultFacility,
} satisfies SignInLockedEmailProps;

export default SignInLockedEmail;
