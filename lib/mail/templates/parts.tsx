// The bodies the patient's emails share: a heading and greeting, a button with its link written out,
// the desk's address. Each template only says which of its messages go where.
import { Heading, Link, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { EmailLayout, PrimaryButton, facilityDesk, type FacilityProps } from './layout';

interface EmailText {
  preview: string;
  subject: string;
}

interface PatientEmailProps {
  text: EmailText;
  facility: FacilityProps;
  /** The account's language: every word of the email, and its `lang`. */
  locale: Locale;
  /** Without it the email opens without a greeting. */
  firstName?: string;
  children: ReactNode;
}

/** The heading (the subject) and the greeting by first name, then the body. */
export function PatientEmail({ text, facility, locale, firstName, children }: PatientEmailProps) {
  return (
    <EmailLayout preview={text.preview} facility={facility} locale={locale}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {text.subject}
      </Heading>
      {firstName === undefined ? null : <Text>{wordsFor(locale).email.activation.greeting(firstName)}</Text>}
      {children}
    </EmailLayout>
  );
}

/** Paragraphs, one `Text` each; an empty one (null, false, '') is left out. */
export function Paragraphs({ lines }: { lines: ReactNode[] }) {
  return lines.map((line, i) => (line || line === 0 ? <Text key={i}>{line}</Text> : null));
}

/** The address written out, for a reader whose mail program shows no button. */
export function UrlLine({ href }: { href: string }) {
  return (
    <Text>
      <Link href={href}>{href}</Link>
    </Text>
  );
}

/** An email whose point is one link: paragraphs, the button, the same link written out, paragraphs. */
export function LinkEmail(
  props: Omit<PatientEmailProps, 'children' | 'text'> & {
    text: EmailText & { button: string };
    href: string;
    before: ReactNode[];
    after: ReactNode[];
  },
) {
  return (
    <PatientEmail text={props.text} facility={props.facility} locale={props.locale} firstName={props.firstName}>
      <Paragraphs lines={props.before} />
      <PrimaryButton href={props.href}>{props.text.button}</PrimaryButton>
      <Text>{wordsFor(props.locale).email.activation.fallback}</Text>
      <UrlLine href={props.href} />
      <Paragraphs lines={props.after} />
    </PatientEmail>
  );
}

/** An email that only tells: paragraphs, then where the desk is. */
export function NoticeEmail(props: Omit<PatientEmailProps, 'children'> & { lines: ReactNode[] }) {
  const f = props.facility;
  return (
    <PatientEmail text={props.text} facility={f} locale={props.locale} firstName={props.firstName}>
      <Paragraphs lines={props.lines} />
      <Text>
        {facilityDesk(f, props.locale)} {f.facilityName}, {f.address}
        {f.phone ? `, ${wordsFor(props.locale).facility.phone} ${f.phone}` : ''}
      </Text>
    </PatientEmail>
  );
}
