// The texts of the SMS the portal sends, in every language the portal speaks. They stay short (at
// most two segments even in UCS-2, which any Polish letter forces), name the facility, use no
// personal data beyond the first name (a phone is often shared by a family: the name says whose
// account it is), and give the portal's address as plain text — never a link with a token: an SMS
// with a sign-in link is what phishers send, and patients should learn to distrust one.
import type { Locale } from '@/lib/i18n/locales';

export interface SmsParams {
  facility: string;
  firstName: string;
  /** The portal's address as plain text, e.g. `e-rejestracja.example.pl` (see portalAddress). */
  portal: string;
}

export type SmsTemplateName = 'verified' | 'emailChanged' | 'passwordChanged' | 'signInLocked' | 'passkeyAdded';

/** One language's texts: every template, and nothing else (`satisfies` refuses a missing or extra key). */
export type SmsTemplates = { readonly [Name in SmsTemplateName]: (params: SmsParams) => string };

const pl = {
  // The desk or login.gov.pl confirmed the patient's identity.
  verified: ({ facility, firstName, portal }) => `${facility}: ${firstName}, Twoje konto jest zweryfikowane. Zaloguj się na ${portal}.`,
  // Security notices are a second channel beside the email: a stolen mailbox is exactly when the
  // email does not reach its owner, so the advice points to the desk (which can block the
  // account), not to the mailbox.
  emailChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, na ${portal} zmieniono Twój email. To nie Ty? Zgłoś to w rejestracji.`,
  passwordChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, na ${portal} zmieniono Twoje hasło. To nie Ty? Zgłoś to w rejestracji.`,
  // Whoever typed the wrong passwords, the way out is the same: a new password set through
  // "Nie pamiętam hasła" lifts the lock, and shuts out a stranger who knows the login.
  signInLocked: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, logowanie na ${portal} wstrzymano po błędnych hasłach. Ustaw nowe hasło.`,
  // A passkey signs in without the password: a new one is as weighty as a changed password.
  passkeyAdded: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, na ${portal} dodano klucz dostępu. To nie Ty? Zgłoś to w rejestracji.`,
} satisfies SmsTemplates;

const en = {
  verified: ({ facility, firstName, portal }) => `${facility}: ${firstName}, your account has been verified. Sign in at ${portal}.`,
  emailChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, your email at ${portal} was changed. Not you? Call the registration desk.`,
  passwordChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, your password at ${portal} was changed. Not you? Call the registration desk.`,
  signInLocked: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, sign-in at ${portal} paused after wrong passwords. Set a new password.`,
  passkeyAdded: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, a passkey was added at ${portal}. Not you? Call the registration desk.`,
} satisfies SmsTemplates;

const uk = {
  verified: ({ facility, firstName, portal }) => `${facility}: ${firstName}, ваш обліковий запис підтверджено. Увійдіть на ${portal}.`,
  emailChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, на ${portal} змінено ваш email. Не ви? Зверніться до реєстратури.`,
  passwordChanged: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, на ${portal} змінено ваш пароль. Не ви? Зверніться до реєстратури.`,
  signInLocked: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, вхід на ${portal} призупинено через невірні паролі. Створіть новий пароль.`,
  passkeyAdded: ({ facility, firstName, portal }) =>
    `${facility}: ${firstName}, на ${portal} додано ключ доступу. Не ви? Зверніться до реєстратури.`,
} satisfies SmsTemplates;

export const smsTemplates = { pl, en, uk } as const satisfies { readonly [L in Locale]: SmsTemplates };

export function renderSms(locale: Locale, name: SmsTemplateName, params: SmsParams): string {
  return smsTemplates[locale][name](params);
}

/**
 * The portal's address as patients should type it: the host of APP_URL, without the scheme or any
 * path (`https://e-rejestracja.example.pl/` → `e-rejestracja.example.pl`). Phones turn it into a
 * link anyway, but one that opens the home page and nothing else.
 */
export function portalAddress(appUrl: string): string {
  return new URL(appUrl).host;
}
