// The account forms' field errors in the patient's words. The use cases (lib/account/*) answer
// with codes; an address the registration rules refuse is worded by those rules themselves, in
// the same language.
import type { DeleteAccountErrors } from '@/lib/account/delete-account';
import type { EmailChangeErrors } from '@/lib/account/change-email';
import type { Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { contactRulesFor } from '@/lib/registration/form';
import type { FieldErrors } from '@/lib/web/action-state';

export function emailChangeErrors(
  errors: EmailChangeErrors,
  newEmail: string,
  locale: Locale,
): FieldErrors<'newEmail' | 'currentPassword'> {
  const t = wordsFor(locale);
  const words: FieldErrors<'newEmail' | 'currentPassword'> = {};
  if (errors.newEmail === 'same') words.newEmail = t.selfService.settings.email.same;
  else if (errors.newEmail === 'invalid') {
    const parsed = contactRulesFor(t.register.errors).email.safeParse(newEmail);
    words.newEmail = (!parsed.success && parsed.error.issues[0]?.message) || t.register.errors.email;
  }
  if (errors.currentPassword) {
    words.currentPassword = errors.currentPassword === 'wrong' ? t.selfService.settings.wrongPassword : t.register.errors.required;
  }
  return words;
}

export function deleteAccountErrors(errors: DeleteAccountErrors, locale: Locale): FieldErrors<'confirm' | 'password'> {
  const t = wordsFor(locale);
  const words: FieldErrors<'confirm' | 'password'> = {};
  if (errors.confirm) words.confirm = t.selfService.delete.confirmRequired;
  if (errors.password) words.password = errors.password === 'wrong' ? t.selfService.settings.wrongPassword : t.register.errors.required;
  return words;
}
