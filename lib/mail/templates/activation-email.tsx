import { wordsFor } from '@/lib/messages';
import { facilityDesk, type GreetingEmailProps, previewRecipient } from './layout';
import { LinkEmail } from './parts';

export interface ActivationEmailProps extends GreetingEmailProps {
  activationUrl: string;
  validHours: number;
  /** Only when MAIL_INCLUDE_LOGIN is on. */
  login?: string | null;
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
  ...previewRecipient,
  activationUrl: 'http://localhost:3000/activate/przykladowy-token',
  validHours: 24,
  login: null,
} satisfies ActivationEmailProps;
