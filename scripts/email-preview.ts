// npm run email:preview — renders every email template with its preview props into
// .data/email-preview/ (HTML and plain text) and prints where they are.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ActivationEmail } from '@/emails/activation-email';
import { IdentityVerifiedEmail } from '@/emails/identity-verified-email';
import { PasswordResetEmail } from '@/emails/password-reset-email';
import { RegistrationAttemptEmail } from '@/emails/registration-attempt-email';
import { SignInLockedEmail } from '@/emails/sign-in-locked-email';
import { renderEmail } from '@/lib/mail/outbox';

const dir = path.resolve('.data/email-preview');
mkdirSync(dir, { recursive: true });
const templates = {
  activation: ActivationEmail({ ...ActivationEmail.PreviewProps, login: 'jan.kowalski' }),
  'password-reset': PasswordResetEmail(PasswordResetEmail.PreviewProps),
  'identity-verified': IdentityVerifiedEmail(IdentityVerifiedEmail.PreviewProps),
  'registration-attempt': RegistrationAttemptEmail(RegistrationAttemptEmail.PreviewProps),
  'sign-in-locked': SignInLockedEmail(SignInLockedEmail.PreviewProps),
};
for (const [name, element] of Object.entries(templates)) {
  const rendered = await renderEmail(name, name, element);
  writeFileSync(path.join(dir, `${name}.html`), rendered.html);
  writeFileSync(path.join(dir, `${name}.txt`), rendered.text);
  console.log(`${name}: ${pathToFileURL(path.join(dir, `${name}.html`)).href} (+ .txt)`);
}
