// Polish user-facing text. Pages, actions and emails take their words from here; the lists
// keyed by a domain value (a status, a role, a refusal code) are checked against that value's
// type with `satisfies`, so a new value without words fails to compile.
// The larger areas have modules of their own (pl-register.ts, pl-mfa.ts, pl-self-service.ts,
// pl-admin.ts), placed here under their keys.
import type { ConsentKind } from '@/db/schema';
import { plAdmin } from './pl-admin';
import { plMfa } from './pl-mfa';
import { plRegister } from './pl-register';
import { plSession } from './pl-session';
import { selfService } from './pl-self-service';

type Words<Key extends string> = Record<Key, string>;

/** The words of `key` in one of the catalogue's lists, or undefined when the list has no such key (a query string's value, say). */
export function wordFor<Key extends string>(words: Words<Key>, key: string | null | undefined): string | undefined {
  return key != null && Object.hasOwn(words, key) ? words[key as Key] : undefined;
}

export const pl = {
  app: {
    name: 'E-Rejestracja',
    tagline: 'Portal pacjenta',
    skipToContent: 'Przejdź do treści',
  },
  /** The header's language switcher and the footer of every page. */
  chrome: {
    language: 'Język strony',
    footer: 'Informacje o portalu',
    accessibility: 'Deklaracja dostępności',
    privacy: 'Ochrona danych osobowych (RODO)',
  },
  /** The consents' texts as the patient ticks them (lib/consents.ts versions them: a changed text needs a new version). */
  consentTexts: {
    data_processing: 'Wyrażam zgodę na przetwarzanie moich danych osobowych w celu założenia i prowadzenia konta w portalu E-Rejestracja.',
    email: 'Wyrażam zgodę na otrzymywanie powiadomień na podany adres email.',
    sms: 'Wyrażam zgodę na otrzymywanie powiadomień SMS na podany numer telefonu.',
  } satisfies Words<ConsentKind>,
  /** Shown for a missing PESEL or phone: the word the form accepts for "none". */
  none: 'BRAK',
  facility: {
    phone: 'tel.',
    hours: 'Godziny pracy:',
    /** Set beside the desk's configured (Polish) name in other languages; Polish needs none. */
    deskTranslation: '',
  },
  login: {
    title: 'Logowanie do portalu pacjenta',
    login: 'Login',
    password: 'Hasło',
    submit: 'Zaloguj',
    noAccount: 'Nie masz jeszcze konta?',
    register: 'Załóż konto',
    forgot: 'Nie pamiętam hasła',
    resendActivation: 'Nie dostałem linku aktywacyjnego',
    registerIntro: 'Konto w portalu pacjenta założysz w kilka minut. Potrzebny będzie adres email.',
    goTo: 'Przejdź do strony logowania',
    passkey: {
      title: 'Klucz dostępu',
      intro: 'Zaloguj się odciskiem palca, twarzą lub PIN-em urządzenia zamiast hasła — jeśli dodałeś klucz dostępu w ustawieniach konta.',
      button: 'Zaloguj kluczem dostępu',
      noScript: 'Logowanie kluczem dostępu wymaga JavaScriptu. Bez niego zaloguj się loginem i hasłem.',
      unsupported: 'Ta przeglądarka nie obsługuje kluczy dostępu. Zaloguj się loginem i hasłem.',
      cancelled: 'Logowanie kluczem dostępu przerwano.',
      failed: 'Nie udało się zalogować tym kluczem. Spróbuj ponownie albo zaloguj się hasłem.',
      working: 'Czekam na klucz dostępu…',
    },
  },
  register: plRegister,

  email: {
    activation: {
      subject: 'Aktywacja konta w portalu E-Rejestracja',
      preview: 'Ustaw hasło, aby aktywować konto w portalu pacjenta.',
      greeting: (firstName: string) => `Dzień dobry ${firstName},`,
      body: 'w portalu pacjenta E-Rejestracja założono konto na ten adres email. Aby je aktywować, kliknij przycisk poniżej i ustaw hasło.',
      button: 'Ustaw hasło',
      fallback: 'Jeżeli przycisk nie działa, skopiuj ten adres do przeglądarki:',
      login: (login: string) => `Twój login: ${login}`,
      validity: (hours: number) => `Link jest ważny przez ${hours} godz. i można go użyć tylko raz.`,
      notYou: 'Jeżeli to nie Ty zakładałeś konto, zignoruj tę wiadomość.',
      desk: 'Aby w pełni korzystać z portalu, udaj się z ważnym dokumentem tożsamości do:',
    },
    attempt: {
      subject: 'Próba założenia konta na Twój adres email',
      preview: 'Ktoś próbował założyć konto w portalu E-Rejestracja na ten adres.',
      body: 'Ktoś właśnie próbował założyć nowe konto w portalu pacjenta E-Rejestracja, podając ten adres email. Twoje konto istnieje i nic w nim nie zmieniono.',
      action:
        'Jeżeli to Ty, zaloguj się na istniejące konto (w razie potrzeby użyj opcji „Nie pamiętam hasła”). Jeżeli nie, nie musisz nic robić; w razie wątpliwości skontaktuj się z rejestracją.',
    },
    verified: {
      subject: 'Konto w portalu E-Rejestracja zostało zweryfikowane',
      preview: 'Twoja tożsamość została potwierdzona.',
      body: (desk: string) => `Twoja tożsamość została potwierdzona w: ${desk}. Możesz teraz w pełni korzystać z portalu pacjenta:`,
    },
    reset: {
      subject: 'Ustawienie nowego hasła w portalu E-Rejestracja',
      preview: 'Link do ustawienia nowego hasła.',
      body: 'otrzymaliśmy prośbę o ustawienie nowego hasła do Twojego konta w portalu pacjenta E-Rejestracja. Kliknij przycisk poniżej, aby je ustawić.',
      button: 'Ustaw nowe hasło',
      validity: (minutes: number) => `Link jest ważny przez ${minutes} minut i można go użyć tylko raz.`,
      notYou: 'Jeżeli to nie Ty prosiłeś o zmianę hasła, zignoruj tę wiadomość — dotychczasowe hasło nadal działa.',
    },
    signInLocked: {
      subject: 'Ktoś próbuje zalogować się na Twoje konto w portalu E-Rejestracja',
      preview: 'Wstrzymaliśmy logowanie hasłem na Twoje konto po wielu nieudanych próbach.',
      body: 'ktoś próbuje zalogować się na Twoje konto w portalu pacjenta E-Rejestracja: wpisano wiele razy nieprawidłowe hasło. Aby ochronić Twoje dane, wstrzymaliśmy logowanie hasłem na to konto.',
      until: (when: string | null) =>
        when
          ? `Blokada potrwa do ${when}. Możesz ją zdjąć wcześniej, ustawiając nowe hasło:`
          : 'Blokada potrwa, dopóki nie ustawisz nowego hasła:',
      button: 'Ustaw nowe hasło',
      validity: (minutes: number) => `Link jest ważny przez ${minutes} minut i można go użyć tylko raz.`,
      expired: (forgotUrl: string) =>
        `Jeżeli link wygaśnie, poproś o nowy na stronie ${forgotUrl} — ustawienie nowego hasła zawsze zdejmuje blokadę.`,
      notYou:
        'Jeżeli to nie Ty próbowałeś się zalogować, ktoś mógł poznać Twój login. Zalecamy ustawienie nowego, trudnego do odgadnięcia hasła. W razie wątpliwości skontaktuj się z rejestracją.',
    },
  },
  activate: {
    title: 'Ustaw hasło',
    intro: 'Ustaw hasło do logowania w portalu pacjenta.',
    resetTitle: 'Ustaw nowe hasło',
    resetIntro: 'Ustaw nowe hasło do logowania w portalu pacjenta.',
    password: 'Hasło',
    passwordRepeat: 'Powtórz hasło',
    submit: 'Zapisz hasło',
    rulesTitle: 'Hasło musi spełniać warunki:',
    failed: 'Hasło nie spełnia warunków. Popraw je i wpisz ponownie w oba pola.',
    show: 'Pokaż hasło',
    /** Read after each rule of the live checklist by screen readers. */
    ruleMet: ' — spełniony',
    ruleUnmet: ' — niespełniony',
    rules: {
      minLength: (n: number) => `co najmniej ${n} znaków`,
      maxLength: 'najwyżej 128 znaków',
      upper: 'co najmniej jedna wielka litera',
      lower: 'co najmniej jedna mała litera',
      digit: 'co najmniej jedna cyfra',
      special: 'co najmniej jeden znak specjalny (np. # $ ! %)',
      notCommon: 'nie może być popularnym, łatwym do odgadnięcia hasłem',
      noLogin: 'nie może zawierać loginu',
      noPesel: 'nie może zawierać numeru PESEL',
      repeat: 'oba wpisane hasła muszą być identyczne',
    },
    done: {
      title: 'Hasło zostało ustawione',
      body: 'Konto jest aktywne. Możesz teraz zalogować się do portalu pacjenta swoim loginem i nowym hasłem.',
      resetBody: 'Hasło zostało zmienione. Zaloguj się nowym hasłem.',
      ok: 'OK, przejdź do logowania',
    },
    invalid: {
      unknown: {
        title: 'Nieprawidłowy link',
        body: 'Ten link jest nieprawidłowy. Sprawdź, czy został skopiowany w całości, albo poproś o nowy.',
      },
      expired: {
        title: 'Link wygasł',
        body: 'Ten link stracił ważność. Poproś o nowy link — wyślemy go na adres email podany przy rejestracji.',
      },
      used: {
        title: 'Link został już użyty',
        body: 'Ten link został już wykorzystany. Jeżeli hasło jest ustawione, zaloguj się. Jeżeli nie, poproś o nowy link.',
      },
      superseded: {
        title: 'Link został zastąpiony nowszym',
        body: 'Wysłaliśmy nowszy link, więc ten przestał działać. Użyj najnowszej wiadomości albo poproś o nowy link.',
      },
    },
    /** On a reset link that cannot be used: the way to ask for a new one (/password/forgot). */
    newResetLink: 'Wyślij link: nie pamiętam hasła',
    resend: {
      title: 'Wyślij link aktywacyjny ponownie',
      intro:
        'Podaj adres email użyty przy rejestracji. Jeżeli konto czeka na aktywację, wyślemy nowy link, a poprzednie przestaną działać.',
      email: 'Adres email',
      submit: 'Wyślij nowy link',
      sent: 'Jeżeli pod tym adresem jest konto oczekujące na aktywację, wysłaliśmy na niego nowy link aktywacyjny. Sprawdź skrzynkę (także folder spam).',
    },
  },
  forgot: {
    title: 'Nie pamiętam hasła',
    intro: 'Podaj login albo adres email konta. Wyślemy na adres email konta link do ustawienia nowego hasła.',
    identifier: 'Login lub adres email',
    submit: 'Wyślij link',
    sent: 'Jeżeli takie konto istnieje, wysłaliśmy na jego adres email link do ustawienia nowego hasła. Link jest ważny przez 1 godzinę.',
  },
  /** A wait in words: "45 s", "5 min", "24 godz.". */
  wait: (seconds: number) => {
    if (seconds < 90) return `${seconds} s`;
    const minutes = Math.ceil(seconds / 60);
    return minutes < 90 ? `${minutes} min` : `${Math.ceil(minutes / 60)} godz.`;
  },
  // "za 24 godz." — an abbreviation's own full stop ends the sentence too.
  limited: (wait: string) => `Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za ${wait}${wait.endsWith('.') ? '' : '.'}`,
  signIn: {
    failed: 'Nieprawidłowy login lub hasło.',
    blocked: 'Konto jest zablokowane. Skontaktuj się z pracownikami jednostki.',
    required: 'Podaj login i hasło.',
    signedOut: 'Wylogowano.',
  },
  mfa: plMfa,
  wk: {
    signIn: 'Zaloguj przez login.gov.pl',
    signInIntro: 'Profil Zaufany, e-dowód, aplikacja mObywatel lub bankowość elektroniczna — bez hasła do portalu.',
    register: 'Wypełnij dane przez login.gov.pl',
    registerIntro: 'PESEL, imię, nazwisko i datę urodzenia podamy za Ciebie, a konto od razu będzie zweryfikowane.',
    verify: 'Potwierdź tożsamość przez login.gov.pl',
    verifyIntro: 'Bez wizyty w rejestracji: potwierdź tożsamość Profilem Zaufanym, e-dowodem, aplikacją mObywatel lub przez bank.',
    or: 'lub',
    redirectTitle: 'Przekierowanie do login.gov.pl',
    redirectBody: 'Za chwilę przejdziesz do login.gov.pl. Jeżeli nic się nie dzieje, naciśnij przycisk.',
    continue: 'Dalej',
    fromNode: 'Dane z login.gov.pl (nie można ich zmienić):',
    noAccount:
      'Żadne konto w portalu nie jest powiązane z tym numerem PESEL. Możesz założyć konto — dane z login.gov.pl już są w formularzu.',
    verified: 'Tożsamość potwierdzona przez login.gov.pl. Konto jest zweryfikowane.',
    mismatch:
      'Nie udało się potwierdzić tożsamości: dane z login.gov.pl nie zgadzają się z danymi konta. Nic nie zostało zmienione. Skontaktuj się z rejestracją.',
    refusedTitle: 'Nie udało się potwierdzić tożsamości',
    refused: 'login.gov.pl nie potwierdził tożsamości albo odpowiedź była nieprawidłowa. Nic nie zostało zmienione. Spróbuj ponownie.',
    cancelled: 'Logowanie przez login.gov.pl zostało przerwane. Nic nie zostało zmienione.',
    notActivated: 'Konto powiązane z tym numerem PESEL nie zostało jeszcze aktywowane. Użyj linku aktywacyjnego z wiadomości email.',
    unverifiedAccount:
      'Konto powiązane z tym numerem PESEL nie jest jeszcze zweryfikowane, więc nie można się do niego zalogować przez login.gov.pl. Zaloguj się loginem i hasłem albo skontaktuj się z rejestracją.',
    notMe: 'To nie ja — wyczyść dane z login.gov.pl',
    verifiedBody: 'Twoja tożsamość została potwierdzona przez login.gov.pl. Możesz w pełni korzystać z portalu.',
    signInRequired: 'Zaloguj się, aby potwierdzić tożsamość.',
    back: 'Wróć do logowania',
    backToAccount: 'Wróć do konta',
    method: { desk: 'w rejestracji', node: (means: string) => `przez login.gov.pl (${means})` },
  },
  session: plSession,
  account: {
    assurance: {
      title: 'Jak się zalogowałeś',
      way: 'Sposób logowania',
      identity: 'Tożsamość',
      ways: {
        password: 'hasłem',
        passwordAndCode: 'hasłem i kodem z aplikacji (dwa składniki)',
        passwordAndPasskey: 'hasłem i kluczem (dwa składniki)',
        passkey: 'kluczem dostępu (dwa składniki: klucz i odcisk palca, twarz lub PIN)',
        identityNode: 'przez login.gov.pl',
      },
      identities: {
        none: 'jeszcze niepotwierdzona',
        desk: 'potwierdzona w rejestracji na podstawie dokumentu',
        'login.gov.pl': 'potwierdzona przez login.gov.pl',
      },
      levels: { low: 'niski', substantial: 'znaczny', high: 'wysoki' },
      level: (level: string) => `poziom bezpieczeństwa: ${level}`,
    },
    title: 'Moje konto',
    data: 'Moje dane',
    status: 'Status konta',
    unverified: 'Konto niezweryfikowane',
    unverifiedBody:
      'Aby w pełni korzystać z portalu E-Rejestracja, potwierdź swoją tożsamość: udaj się z ważnym dokumentem tożsamości (dowód osobisty lub paszport) do:',
    verified: 'Konto zweryfikowane',
    verifiedBody: 'Twoja tożsamość została potwierdzona w rejestracji. Możesz w pełni korzystać z portalu.',
    signOut: 'Wyloguj',
    labels: {
      name: 'Imię i nazwisko',
      pesel: 'PESEL',
      birthDate: 'Data urodzenia',
      login: 'Login',
      email: 'Adres email',
      phone: 'Telefon',
      address: 'Adres',
    },
  },
  admin: plAdmin,
  selfService,
  devMail: {
    title: 'Skrzynka deweloperska',
    empty: 'Brak wiadomości.',
    intro: 'Wiadomości zapisane w tabeli email_outbox. Widoczne tylko w trybie deweloperskim.',
    to: 'Do',
    status: 'Status',
    text: 'Treść tekstowa',
    html: 'Wersja HTML',
    htmlFrame: 'Wersja HTML wiadomości',
    sms: 'SMS',
    smsIntro: 'Wiadomości SMS zapisane w tabeli sms_outbox (bez SMSAPI_TOKEN zostają tutaj).',
    smsEmpty: 'Brak wiadomości SMS.',
  },
} as const;
