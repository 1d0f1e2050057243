import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { defaultFacility, facilityDesk, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface ActivationEmailProps {
  firstName: string;
  activationUrl: string;
  validHours: number;
  /** Only when MAIL_INCLUDE_LOGIN is on. */
  login?: string | null;
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

export function ActivationEmail(props: ActivationEmailProps) {
  const m = wordsFor(props.locale).email.activation;
  const f = props.facility;
  const desk = (
    <>
      {m.desk} {facilityDesk(f, props.locale)} {f.facilityName}, {f.address}.
    </>
  );
  return (
    <LinkEmail
      {...props}
      text={m}
      href={props.activationUrl}
      before={[m.body]}
      after={[props.login ? m.login(props.login) : null, m.validity(props.validHours), desk, m.notYou]}
    />
  );
}

ActivationEmail.PreviewProps = {
  firstName: 'Anna',
  activationUrl: 'http://localhost:3000/activate/przykladowy-token',
  validHours: 24,
  login: null,
  facility: defaultFacility,
  locale: 'pl',
} satisfies ActivationEmailProps;
