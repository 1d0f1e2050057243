// Every email the portal sends, rendered in each language (issue 13). Polish must stay exactly as
// it was before the templates took a language: tests/fixtures/emails-pl.json was rendered by the
// templates that only knew Polish, with these same parameters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as account from '@/lib/account/emails';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';
import type { RenderedEmail } from '@/lib/mail/outbox';
import { wordsFor } from '@/lib/messages';

// Read lazily by lib/env at the first render: covers the phone line and the login line.
process.env.FACILITY_PHONE = '81 752 10 00';
process.env.MAIL_INCLUDE_LOGIN = '1';

const when = new Date('2026-05-24T12:30:00Z');

const emails = {
  activation: (locale: Locale) => account.renderActivationEmail({ firstName: 'Jan', login: 'pacjent.golden', token: 'TOKEN', locale }),
  passwordReset: (locale: Locale) => account.renderPasswordResetEmail({ firstName: 'Jan', token: 'TOKEN', locale }),
  identityVerified: (locale: Locale) => account.renderIdentityVerifiedEmail({ firstName: 'Jan', locale }),
  registrationAttempt: (locale: Locale) => account.renderRegistrationAttemptEmail({ locale }),
  signInLocked: (locale: Locale) => account.renderSignInLockedEmail({ firstName: 'Jan', token: 'TOKEN', lockedUntil: when, locale }),
  passwordChanged: (locale: Locale) => account.renderPasswordChangedEmail({ firstName: 'Jan', changedAt: when, locale }),
  emailChangeConfirm: (locale: Locale) =>
    account.renderEmailChangeConfirmEmail({ firstName: 'Jan', token: 'TOKEN', validHours: 2, locale }),
  emailChangeNotice: (locale: Locale) =>
    account.renderEmailChangeNoticeEmail({ firstName: 'Jan', newEmail: 'jan.nowy@example.pl', locale }),
} satisfies Record<string, (locale: Locale) => Promise<RenderedEmail>>;

type Name = keyof typeof emails;
const names = Object.keys(emails) as Name[];

const subjects = (locale: Locale): Record<Name, string> => {
  const t = wordsFor(locale);
  return {
    activation: t.email.activation.subject,
    passwordReset: t.email.reset.subject,
    identityVerified: t.email.verified.subject,
    registrationAttempt: t.email.attempt.subject,
    signInLocked: t.email.signInLocked.subject,
    passwordChanged: t.selfService.email.passwordChanged.subject,
    emailChangeConfirm: t.selfService.email.emailConfirm.subject,
    emailChangeNotice: t.selfService.email.emailChangeNotice.subject,
  };
};

describe('emails in the account language', () => {
  const golden = JSON.parse(readFileSync(path.resolve('tests/fixtures/emails-pl.json'), 'utf8')) as Record<Name, RenderedEmail>;

  it.each(names)('renders the Polish %s email byte for byte as before', async (name) => {
    expect(await emails[name]('pl')).toEqual(golden[name]);
  });

  describe.each(['en', 'uk'] as const)('in %s', (locale) => {
    const t = wordsFor(locale);

    it.each(names)('writes the %s email in the language, with its lang, subject and phone word', async (name) => {
      const email = await emails[name](locale);
      expect(email.template).toBe(golden[name].template);
      expect(email.subject).toBe(subjects(locale)[name]);
      expect(email.subject).not.toBe(golden[name].subject);
      expect(email.html).toContain(`<html dir="ltr" lang="${locale}">`);
      expect(email.text).toContain(`${t.facility.phone} 81 752 10 00`);
      // The desk's configured Polish name with the translation beside it, in the footer.
      expect(email.text).toContain(`Punkt Rejestracji Pacjenta (${t.facility.deskTranslation})`);
      // No Polish sentence of the Polish email is left (the greeting's "Dzień dobry" included).
      expect(email.text).not.toMatch(/Dzień dobry|Jeżeli|Twoj|tel\. 81/);
    });
  });

  it('writes the sign-in lock’s end in the account language’s date format', async () => {
    const en = await emails.signInLocked('en');
    const uk = await emails.signInLocked('uk');
    expect(formatDateTime(when, 'en')).not.toBe(formatDateTime(when));
    expect(en.text).toContain(wordsFor('en').email.signInLocked.until(formatDateTime(when, 'en')));
    expect(uk.text).toContain(wordsFor('uk').email.signInLocked.until(formatDateTime(when, 'uk')));
  });

  it('names the desk with its translation in the identity-verified email, once', async () => {
    const uk = await emails.identityVerified('uk');
    expect(uk.text).toContain(wordsFor('uk').email.verified.body('Punkt Rejestracji Pacjenta (пункт реєстрації пацієнтів)'));
    expect(uk.text.match(/пункт реєстрації пацієнтів/g)).toHaveLength(2); // the body and the footer
  });
});
