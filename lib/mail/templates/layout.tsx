import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { deskName } from '@/lib/desk-name';
import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';

export interface FacilityProps {
  facilityName: string;
  deskName: string;
  address: string;
  phone: string;
}

export const defaultFacility: FacilityProps = {
  facilityName: 'SPZOZ w Łęcznej',
  deskName: 'Punkt Rejestracji Pacjenta',
  address: 'ul. Krasnystawska 52, 21-010 Łęczna',
  phone: '',
};

/** What every email to an account is given besides its own values. */
export interface AccountEmailProps {
  facility: FacilityProps;
  /** The account's language. */
  locale: Locale;
}

/** An email that greets the account's owner by first name. */
export interface GreetingEmailProps extends AccountEmailProps {
  firstName: string;
}

/** Whom the previews (npm run email:preview, react-email) write to. */
export const previewRecipient = { firstName: 'Anna', facility: defaultFacility, locale: 'pl' } satisfies GreetingEmailProps;

const styles = {
  body: { backgroundColor: '#f4f6f8', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1a1a1a' },
  container: { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px', maxWidth: '560px', borderRadius: '6px' },
  footer: { fontSize: '13px', color: '#4a4a4a', lineHeight: '20px' },
};

/** The desk's configured name with the translation of the account's language beside it. */
export function facilityDesk(facility: FacilityProps, locale: Locale): string {
  return deskName(facility.deskName, wordsFor(locale).facility.deskTranslation);
}

export function EmailLayout(props: { preview: string; facility: FacilityProps; locale: Locale; children: ReactNode }) {
  const { facility, locale } = props;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          {props.children}
          <Hr />
          <Section>
            <Text style={styles.footer}>
              E-Rejestracja — {facility.facilityName}
              <br />
              {facilityDesk(facility, locale)}, {facility.address}
              {facility.phone ? (
                <>
                  <br />
                  {`${wordsFor(locale).facility.phone} `}
                  {facility.phone}
                </>
              ) : null}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** The one call to action of an email. */
export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Button
      href={href}
      style={{ backgroundColor: '#0b5cad', color: '#ffffff', padding: '12px 20px', borderRadius: '4px', fontWeight: 'bold' }}
    >
      {children}
    </Button>
  );
}
