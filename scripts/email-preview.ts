// npm run email:preview — renders every email template with its preview props into
// .data/email-preview/ (HTML and plain text) and prints where they are. Polish by default;
// `-- --locale en` (or uk) writes that language's emails into .data/email-preview/en/,
// `-- --locale all` every language.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultLocale, isLocale, locales, type Locale } from '@/lib/i18n/locales';
import { renderEmail } from '@/lib/mail/outbox';
import { ActivationEmail } from '@/lib/mail/templates/activation-email';
import { EmailChangeConfirmEmail } from '@/lib/mail/templates/email-change-confirm-email';
import { EmailChangeNoticeEmail } from '@/lib/mail/templates/email-change-notice-email';
import { IdentityVerifiedEmail } from '@/lib/mail/templates/identity-verified-email';
import { PasswordChangedEmail } from '@/lib/mail/templates/password-changed-email';
import { PasswordResetEmail } from '@/lib/mail/templates/password-reset-email';
import { RegistrationAttemptEmail } from '@/lib/mail/templates/registration-attempt-email';
import { SignInLockedEmail } from '@/lib/mail/templates/sign-in-locked-email';

const { values } = parseArgs({ options: { locale: { type: 'string', default: defaultLocale } } });
const chosen = values.locale === 'all' ? [...locales] : [values.locale];
if (!chosen.every(isLocale)) {
  console.error(`--locale: one of ${locales.join(', ')} or all`);
  process.exit(1);
}

const templates = (locale: Locale) => ({
  activation: ActivationEmail({ ...ActivationEmail.PreviewProps, login: 'jan.kowalski', locale }),
  'password-reset': PasswordResetEmail({ ...PasswordResetEmail.PreviewProps, locale }),
  'identity-verified': IdentityVerifiedEmail({ ...IdentityVerifiedEmail.PreviewProps, locale }),
  'registration-attempt': RegistrationAttemptEmail({ ...RegistrationAttemptEmail.PreviewProps, locale }),
  'sign-in-locked': SignInLockedEmail({ ...SignInLockedEmail.PreviewProps, locale }),
  'password-changed': PasswordChangedEmail({ ...PasswordChangedEmail.PreviewProps, locale }),
  'email-change-confirm': EmailChangeConfirmEmail({ ...EmailChangeConfirmEmail.PreviewProps, locale }),
  'email-change-notice': EmailChangeNoticeEmail({ ...EmailChangeNoticeEmail.PreviewProps, locale }),
});

for (const locale of chosen) {
  // Polish where it always was, so existing bookmarks keep working.
  const dir = path.resolve('.data/email-preview', locale === defaultLocale ? '' : locale);
  mkdirSync(dir, { recursive: true });
  for (const [name, element] of Object.entries(templates(locale))) {
    const rendered = await renderEmail(name, name, element);
    writeFileSync(path.join(dir, `${name}.html`), rendered.html);
    writeFileSync(path.join(dir, `${name}.txt`), rendered.text);
    console.log(`${name}: ${pathToFileURL(path.join(dir, `${name}.html`)).href} (+ .txt)`);
  }
}
