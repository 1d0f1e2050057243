// What the pages and emails say, as the tests expect to read it (SPEC §3, §8, §9, §12;
// lib/messages/pl.ts, lib/consents.ts). Written out here rather than imported from the catalogue,
// so that a changed sentence fails a test instead of changing it silently.

export const CONSENT_LABELS = {
  dataProcessing: 'Wyrażam zgodę na przetwarzanie moich danych osobowych w celu założenia i prowadzenia konta w portalu E-Rejestracja.',
  email: 'Wyrażam zgodę na otrzymywanie powiadomień na podany adres email.',
  sms: 'Wyrażam zgodę na otrzymywanie powiadomień SMS na podany numer telefonu.',
} as const;

export const SENT_HEADING = 'Sprawdź swoją skrzynkę email';
export const CONFLICT_HEADING = 'Konflikt danych';
export const SUMMARY_HEADING = 'Popraw błędy w formularzu';

// Email subjects
export const ACTIVATION_SUBJECT = 'Aktywacja konta w portalu E-Rejestracja';
export const RESET_SUBJECT = 'Ustawienie nowego hasła w portalu E-Rejestracja';
export const VERIFIED_SUBJECT = 'Konto w portalu E-Rejestracja zostało zweryfikowane';
export const PASSWORD_CHANGED_SUBJECT = 'Hasło do konta w portalu E-Rejestracja zostało zmienione';
export const EMAIL_CONFIRM_SUBJECT = 'Potwierdź nowy adres email w portalu E-Rejestracja';
export const EMAIL_NOTICE_SUBJECT = 'Prośba o zmianę adresu email konta w portalu E-Rejestracja';
export const SIGN_IN_LOCK_SUBJECT = 'Ktoś próbuje zalogować się na Twoje konto w portalu E-Rejestracja';

export const SIGN_IN_MESSAGES = {
  failed: 'Nieprawidłowy login lub hasło.',
  blocked: 'Konto jest zablokowane. Skontaktuj się z pracownikami jednostki.',
} as const;

/** pl.limited(describeWait(…)), e.g. "Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 15 min." */
export const LIMITED = /^Zbyt wiele prób w krótkim czasie\. Spróbuj ponownie za \d+ (s|min|godz\.)\.$/;

/** The password rules as the page words them (policy `strong`, SPEC §9). */
export const PASSWORD_RULES = {
  minLength: 'co najmniej 8 znaków',
  maxLength: 'najwyżej 128 znaków',
  upper: 'co najmniej jedna wielka litera',
  lower: 'co najmniej jedna mała litera',
  digit: 'co najmniej jedna cyfra',
  special: 'co najmniej jeden znak specjalny (np. # $ ! %)',
  notCommon: 'nie może być popularnym, łatwym do odgadnięcia hasłem',
  noLogin: 'nie może zawierać loginu',
  noPesel: 'nie może zawierać numeru PESEL',
  repeat: 'oba wpisane hasła muszą być identyczne',
} as const;
export type PasswordRule = keyof typeof PASSWORD_RULES;

export const PASSWORD_REFUSED = 'Hasło nie spełnia warunków';

/** The pages for links that cannot be used (SPEC §9): heading and `data-link-state`. */
export const LINK_STATES = {
  unknown: 'Nieprawidłowy link',
  expired: 'Link wygasł',
  used: 'Link został już użyty',
  superseded: 'Link został zastąpiony nowszym',
} as const;
export type LinkState = keyof typeof LINK_STATES;

export const RESEND_SENT =
  'Jeżeli pod tym adresem jest konto oczekujące na aktywację, wysłaliśmy na niego nowy link aktywacyjny. Sprawdź skrzynkę (także folder spam).';
export const FORGOT_SENT =
  'Jeżeli takie konto istnieje, wysłaliśmy na jego adres email link do ustawienia nowego hasła. Link jest ważny przez 1 godzinę.';
/** The start of FORGOT_SENT, for servers whose link lifetime may differ. */
export const FORGOT_SENT_START = /^Jeżeli takie konto istnieje, wysłaliśmy/;

/** The first deployment's registration desk (SPEC §2, §12). */
export const DESK = {
  name: 'Punkt Rejestracji Pacjenta SPZOZ w Łęcznej',
  address: 'ul. Krasnystawska 52, 21-010 Łęczna',
  hours: 'Godziny pracy:',
} as const;

/** The patient's self-service under /account (issue 12). */
export const SELF_SERVICE_MESSAGES = {
  passwordChanged: 'Hasło zostało zmienione. Na innych urządzeniach trzeba zalogować się ponownie.',
  wrongPassword: 'Nieprawidłowe hasło.',
  contactSaved: 'Zapisano numer telefonu i adres.',
  contactPending: 'Zapisano. Zmiana adresu czeka na potwierdzenie w rejestracji.',
  emailCancelled: 'Zmiana adresu email została anulowana; link potwierdzający przestał działać.',
  consentWithdrawn: 'Zapisano wycofanie zgody.',
  consentGiven: 'Zapisano wyrażenie zgody.',
  deleted: 'Konto zostało usunięte',
  otherAccount: 'Ten link dotyczy innego konta niż to, na które jesteś zalogowany. Wyloguj się i otwórz link ponownie.',
  changeAccepted: 'Zmiana danych została przyjęta do kartoteki.',
  summary: 'Popraw błędy w formularzu',
} as const;
