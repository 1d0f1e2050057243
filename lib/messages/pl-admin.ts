// Polish text of the staff area under /admin (the desk's queue, decisions, audit, staff, MFA).
// Staff-only: part of `pl` as `admin`, not of the other languages' catalogues (catalogue.ts).
import type { AccountStatus, StaffRole, TokenPurpose, VerificationDocument } from '@/db/schema';
import type { SignInWay } from '@/lib/auth/assurance';
import type { Locale } from '@/lib/i18n/locales';
import type { ConflictReason } from '@/lib/registration/outcomes';
import type { DecisionResult, LiftResult } from '@/lib/staff/decision-outcomes';
import { selfService } from './pl-self-service';

type Words<Key extends string> = Record<Key, string>;
type Refusal<Result> = Result extends { ok: false; error: infer Code extends string } ? Code : never;

export const plAdmin = {
  panel: 'Panel rejestracji',
  nav: {
    queue: 'Weryfikacje',
    blocked: 'Odrzucone rejestracje',
    audit: 'Dziennik zdarzeń',
    staff: 'Pracownicy',
    mfa: 'Weryfikacja dwuetapowa',
    signOut: 'Wyloguj',
  },
  signedInAs: (name: string, role: string) => `Zalogowano: ${name} (${role})`,
  /** How this staff session signed in (SPEC §19), beside the name. */
  signedInWith: {
    password: 'hasłem',
    passwordAndCode: 'hasłem i kodem',
    passwordAndPasskey: 'hasłem i kluczem bezpieczeństwa',
    passkey: 'kluczem bezpieczeństwa',
    identityNode: 'przez login.gov.pl',
  } satisfies Words<SignInWay>,
  roles: { registrar: 'rejestratorka', admin: 'administrator' } satisfies Words<StaffRole>,
  statuses: {
    pending_activation: 'Oczekuje na aktywację',
    active: 'Aktywne, niezweryfikowane',
    verified: 'Zweryfikowane',
    blocked: 'Zablokowane',
  } satisfies Words<AccountStatus>,
  filters: { waiting: 'Do weryfikacji', all: 'Wszystkie' },
  documents: { dowod_osobisty: 'Dowód osobisty', paszport: 'Paszport', inny: 'Inny dokument' } satisfies Words<VerificationDocument>,
  /** The language an account's emails are written in, as the desk names it. */
  locales: { pl: 'polski', en: 'angielski', uk: 'ukraiński' } satisfies Words<Locale>,
  mfa: {
    lostPhone:
      'Zgubiony lub wymieniony telefon: administrator systemu usuwa drugi składnik poleceniem npm run staff -- reset-mfa --login LOGIN, a przy następnym logowaniu połączysz konto z nowym telefonem.',
  },
  /** /admin/mfa's security keys: the patients' words (Polish) where they fit, the staff's own where not. */
  passkeys: {
    ...selfService.settings.passkeys,
    title: 'Klucze bezpieczeństwa',
    intro:
      'Klucz bezpieczeństwa (np. klucz FIDO2 na USB lub NFC wydany przez szpital) zastępuje przy logowaniu hasło i kod z telefonu: wymaga PIN-u lub odcisku palca, więc liczy się jako oba składniki.',
    details:
      'Dopóki weryfikacja dwuetapowa jest wymagana, nie można usunąć ostatniego drugiego składnika: ostatniego klucza, gdy nie ma kodu z aplikacji. Każde dodanie i usunięcie klucza zapisujemy w dzienniku zdarzeń.',
    listTitle: 'Twoje klucze bezpieczeństwa',
    empty: 'Nie dodano jeszcze żadnego klucza bezpieczeństwa.',
    addTitle: 'Dodaj klucz bezpieczeństwa',
    nameHint: 'Na przykład „Klucz YubiKey” (do 60 znaków), żeby rozpoznać klucz na liście.',
    add: 'Dodaj klucz bezpieczeństwa',
    working: 'Włóż lub przyłóż klucz i postępuj zgodnie z poleceniami przeglądarki…',
    added: (name: string) => `Dodano klucz bezpieczeństwa „${name}”. Możesz nim logować się zamiast hasła i kodu.`,
    needsBrowser: 'Dodanie klucza bezpieczeństwa wymaga włączonego JavaScriptu i przeglądarki, która obsługuje klucze bezpieczeństwa.',
    alreadyHere: 'Ten klucz jest już dodany do Twojego konta.',
    refusals: {
      ...selfService.settings.passkeys.refusals,
      not_allowed: 'Tego modelu klucza nie dopuszczono w szpitalu. Użyj klucza wydanego przez dział IT.',
      gone: 'Nie można zmienić ustawień tego konta. Zaloguj się ponownie.',
    },
  },
  staffList: {
    title: 'Pracownicy',
    caption: 'Konta pracowników i weryfikacja dwuetapowa',
    columns: { name: 'Imię i nazwisko', login: 'Login', role: 'Rola', mfa: 'Weryfikacja dwuetapowa', state: 'Stan' },
    mfaOn: 'włączona',
    mfaOff: 'brak',
    active: 'aktywne',
    disabled: 'wyłączone',
  },
  queue: {
    title: 'Weryfikacja kont pacjentów',
    search: 'Szukaj (PESEL, imię i nazwisko, login lub email)',
    status: 'Status',
    submit: 'Szukaj',
    empty: 'Brak kont spełniających kryteria.',
    next: 'Następna strona',
    first: 'Pierwsza strona',
    caption: 'Konta pacjentów, od najnowszych',
    columns: { created: 'Założone', name: 'Pacjent', pesel: 'PESEL / data ur.', login: 'Login', email: 'Email', status: 'Status' },
    counts: 'Liczba kont według statusu',
    pages: 'Strony wyników',
  },
  detail: {
    back: '← Wróć do listy',
    submitted: 'Dane podane w formularzu',
    locale: 'Język konta',
    patient: 'Kartoteka pacjenta',
    attached: 'Konto dopisane do kartoteki, która istniała wcześniej.',
    created: 'Kartoteka utworzona przy rejestracji.',
    consents: 'Zgody',
    tokens: 'Linki aktywacyjne i resetu hasła',
    emails: 'Wiadomości email',
    audit: 'Historia działań',
    verify: 'Potwierdź tożsamość',
    resend: 'Wyślij ponownie link aktywacyjny',
    document: 'Sprawdzony dokument',
    block: 'Zablokuj',
    reason: 'Powód blokady',
    unblock: 'Odblokuj',
    verifiedInfo: (who: string, doc: string) => `Tożsamość potwierdzona przez: ${who}, dokument: ${doc}.`,
    texts: 'Wiadomości SMS',
    textsNone: 'Nie wysłano żadnego SMS.',
    signIns: 'Ostatnie logowania',
    signInsNone: 'Pacjent jeszcze się nie logował.',
    signInLine: (at: string, way: string, identity: string) => `${at} — ${way}; tożsamość: ${identity}`,
    textLine: (template: string, status: string, attempts: number, at: string) => `${template} — ${status}, prób: ${attempts}, ${at}`,
    verifiedByNode: (loa: string, means: string) => `Tożsamość potwierdzona przez login.gov.pl (poziom ${loa}, środek: ${means}).`,
    blockedInfo: (who: string, reason: string) => `Zablokowane przez: ${who}. Powód: ${reason}`,
    signInLocked: (until: string | null, failures: number) =>
      `Konto zablokowane dla logowania hasłem do ${until ?? 'odwołania'} po ${failures} nieudanych próbach logowania. Pacjent może zdjąć blokadę, ustawiając nowe hasło linkiem z wiadomości email.`,
    liftSignInLock: 'Zdejmij blokadę logowania',
    nameLabel: 'Imię i nazwisko',
    addressLabel: 'Adres',
    consentLine: (version: string, givenAt: string, ip: string) => `wersja ${version}, ${givenAt}, IP ${ip}`,
    emailLine: (status: string, attempts: number, createdAt: string) => ` — ${status}, prób: ${attempts}, ${createdAt}`,
    linkPurposes: { activation: 'aktywacja', password_reset: 'reset hasła' } satisfies Words<TokenPurpose>,
    linkSent: (purpose: string, createdAt: string) => `${purpose}: wysłany ${createdAt} — `,
    linkStates: {
      used: (usedAt: string) => `użyty ${usedAt}`,
      superseded: () => 'zastąpiony nowszym',
      expired: () => 'wygasł',
      valid: (expiresAt: string) => `ważny do ${expiresAt}`,
    },
    done: {
      verified: 'Tożsamość potwierdzona. Konto jest zweryfikowane.',
      blocked: 'Konto zostało zablokowane.',
      unblocked: 'Konto zostało odblokowane.',
      resent: 'Wysłano nowy link aktywacyjny; poprzednie przestały działać.',
      signin_unlocked: 'Blokada logowania hasłem została zdjęta.',
    },
    errors: {
      forbidden: 'Brak uprawnień do tej operacji.',
      not_found: 'Nie znaleziono konta.',
      state: 'Stan konta nie pozwala na tę operację (mogło zostać zmienione przez inną osobę). Odśwież stronę.',
      reason: 'Podaj powód blokady (3–500 znaków).',
      document: 'Wybierz rodzaj sprawdzonego dokumentu.',
      not_locked: 'Logowanie na to konto nie jest zablokowane (blokada mogła wygasnąć lub zostać zdjęta). Odśwież stronę.',
    } satisfies Words<Refusal<DecisionResult> | Refusal<LiftResult>>,
  },
  blocked: {
    title: 'Odrzucone próby rejestracji (ostatnie 30 dni)',
    empty: 'Brak odrzuconych prób.',
    caption: 'Próby rejestracji zablokowane z powodu konfliktu danych',
    columns: { at: 'Kiedy', reason: 'Powód' },
    reasons: {
      email_taken: 'Adres email ma już konto',
      pesel_has_account: 'PESEL ma już konto',
      pesel_name_mismatch: 'PESEL w kartotece z innym imieniem lub nazwiskiem',
      identity_has_account: 'Osoba bez PESEL (imię, nazwisko, data ur.) ma już konto',
      identity_ambiguous: 'Kilka kartotek z tym imieniem, nazwiskiem i datą ur.',
      identity_needs_staff: 'Kartoteka bez PESEL do ręcznego powiązania',
    } satisfies Words<ConflictReason>,
  },
  audit: {
    title: 'Dziennik zdarzeń',
    empty: 'Brak wpisów.',
    caption: 'Działania pracowników, od najnowszych',
    filter: 'Filtr dziennika',
    staff: 'Pracownik',
    anyone: 'Wszyscy',
    event: 'Zdarzenie',
    anyEvent: 'Wszystkie zdarzenia',
    apply: 'Filtruj',
    columns: { at: 'Kiedy', who: 'Kto', what: 'Co', account: 'Konto', details: 'Szczegóły' },
  },
} as const;
