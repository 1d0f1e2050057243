import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { Text } from '@react-email/components';
import { defaultFacility, facilityDesk, type FacilityProps } from './layout';
import { PatientEmail, UrlLine } from './parts';

export interface IdentityVerifiedEmailProps {
  firstName: string;
  accountUrl: string;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
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
  firstName: 'Anna',
  accountUrl: 'http://localhost:3000/account',
  facility: defaultFacility,
  locale: 'pl',
} satisfies IdentityVerifiedEmailProps;
