// The account forms' field errors in words. The use cases (lib/account/*) answer with codes;
// an address the registration rules refuse is worded by those rules themselves.
import type { DeleteAccountErrors } from '@/lib/account/delete-account';
import type { EmailChangeErrors } from '@/lib/account/change-email';
import { pl } from '@/lib/messages/pl';
import { contactRules } from '@/lib/registration/form';
import type { FieldErrors } from '@/lib/web/action-state';

const t = pl.selfService;
const required = pl.register.errors.required;

export function emailChangeErrors(errors: EmailChangeErrors, newEmail: string): FieldErrors<'newEmail' | 'currentPassword'> {
  const words: FieldErrors<'newEmail' | 'currentPassword'> = {};
  if (errors.newEmail === 'same') words.newEmail = t.settings.email.same;
  else if (errors.newEmail === 'invalid') {
    const parsed = contactRules.email.safeParse(newEmail);
    words.newEmail = (!parsed.success && parsed.error.issues[0]?.message) || pl.register.errors.email;
  }
  if (errors.currentPassword) words.currentPassword = errors.currentPassword === 'wrong' ? t.settings.wrongPassword : required;
  return words;
}

export function deleteAccountErrors(errors: DeleteAccountErrors): FieldErrors<'confirm' | 'password'> {
  const words: FieldErrors<'confirm' | 'password'> = {};
  if (errors.confirm) words.confirm = t.delete.confirmRequired;
  if (errors.password) words.password = errors.password === 'wrong' ? t.settings.wrongPassword : required;
  return words;
}
