import { pl } from '@/lib/messages/pl';
import { defaultFacility, type FacilityProps } from './layout';
import { LinkEmail } from './parts';

export interface ActivationEmailProps {
  firstName: string;
  activationUrl: string;
  validHours: number;
  /** Only when MAIL_INCLUDE_LOGIN is on. */
  login?: string | null;
  facility: FacilityProps;
}

const m = pl.email.activation;

export function ActivationEmail(props: ActivationEmailProps) {
  const f = props.facility;
  const desk = (
    <>
      {m.desk} {f.deskName} {f.facilityName}, {f.address}.
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
} satisfies ActivationEmailProps;

export default ActivationEmail;
