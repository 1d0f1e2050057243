// Polish text of the patient's self-service under /account (settings, consents, RODO rights)
// and of its emails. Part of the `pl` catalogue as `pl.selfService`.
import type { ConsentAction, ConsentChannel, ConsentKind } from '@/db/schema';
import type { ContactField } from '@/lib/account/contact-fields';
import type { AddPasskeyRefusal, RemovePasskeyRefusal } from '@/lib/account/passkey-outcomes';
import { plAccountData } from './pl-account-data';

type Words<Key extends string> = Record<Key, string>;

const consentKindNames = {
  data_processing: 'Przetwarzanie danych osobowych',
  email: 'Powiadomienia email',
  sms: 'Powiadomienia SMS',
} satisfies Words<ConsentKind>;

export const selfService = {
  nav: {
    title: 'Zarządzaj kontem',
    settings: 'Ustawienia konta: hasło, email, telefon i adres',
    data: 'Pobierz moje dane',
    delete: 'Usuń konto w portalu',
  },
  back: '← Wróć do mojego konta',
  settings: {
    title: 'Ustawienia konta',
    intro: 'Tu zmienisz hasło, adres email, numer telefonu i adres zamieszkania oraz dodasz klucze dostępu.',
    summaryTitle: 'Popraw błędy w formularzu',
    currentPassword: 'Obecne hasło',
    currentPasswordHint: 'Dla bezpieczeństwa potwierdź zmianę swoim obecnym hasłem.',
    wrongPassword: 'Nieprawidłowe hasło.',
    generic: 'Nie udało się zapisać zmian z powodu błędu systemu. Spróbuj ponownie za chwilę.',
    gone: 'Nie można zmienić danych tego konta. Zaloguj się ponownie.',
    password: {
      title: 'Hasło',
      intro: 'Po zmianie hasła wylogujemy Cię na wszystkich innych urządzeniach i wyślemy powiadomienie na adres email konta.',
      newPassword: 'Nowe hasło',
      repeat: 'Powtórz nowe hasło',
      submit: 'Zmień hasło',
      failed: 'Nie zmieniono hasła. Popraw błędy i wpisz hasła ponownie.',
      done: 'Hasło zostało zmienione. Na innych urządzeniach trzeba zalogować się ponownie.',
    },
    email: {
      title: 'Adres email',
      current: 'Obecny adres',
      newEmail: 'Nowy adres email',
      newEmailHint: 'Wyślemy na niego link potwierdzający. Do czasu potwierdzenia obowiązuje obecny adres.',
      submit: 'Wyślij link potwierdzający',
      same: 'To jest obecny adres email konta.',
      sent: (email: string, hours: number) =>
        `Wysłaliśmy link potwierdzający na adres ${email}. Kliknij go w ciągu ${hours} godz., aby zmienić adres. Do tego czasu obowiązuje obecny adres.`,
      pending: (email: string, until: string) => `Czeka na potwierdzenie: ${email} (link ważny do ${until}).`,
      cancel: 'Anuluj zmianę adresu',
      cancelled: 'Zmiana adresu email została anulowana; link potwierdzający przestał działać.',
    },
    contact: {
      title: 'Telefon i adres zamieszkania',
      intro: 'Dane sprawdzamy tak samo jak w formularzu rejestracji.',
      reviewed:
        'Twoje konto jest zweryfikowane (albo połączone z kartoteką szpitala), więc zmiana adresu trafi do rejestracji i zostanie wpisana do kartoteki po potwierdzeniu przez pracownika. Numer telefonu do powiadomień zmieniamy od razu.',
      submit: 'Zapisz telefon i adres',
      saved: 'Zapisano numer telefonu i adres.',
      pendingSaved: 'Zapisano. Zmiana adresu czeka na potwierdzenie w rejestracji.',
      unchanged: 'Nic się nie zmieniło: te dane są już zapisane.',
      pending: 'Zmiana danych do potwierdzenia w rejestracji:',
    },
    sessions: {
      title: 'Wylogowanie ze wszystkich urządzeń',
      intro: 'Jeżeli logowałeś się na cudzym lub zgubionym urządzeniu, zakończ wszystkie sesje. Zalogujesz się ponownie.',
      submit: 'Wyloguj ze wszystkich urządzeń',
    },
    passkeys: {
      title: 'Klucze dostępu',
      intro: 'Klucz dostępu pozwala logować się odciskiem palca, twarzą lub PIN-em urządzenia zamiast hasła.',
      details:
        'Klucz zostaje w Twoim telefonie, komputerze lub kluczu sprzętowym: portal nie dostaje ani odcisku palca, ani zdjęcia twarzy. O każdym dodanym kluczu powiadomimy Cię emailem (i SMS-em, jeśli wyrażono na nie zgodę).',
      listTitle: 'Twoje klucze dostępu',
      addedAt: 'Dodano',
      lastUsedAt: 'Ostatnio użyty',
      empty: 'Nie dodano jeszcze żadnego klucza dostępu.',
      never: 'nigdy',
      remove: 'Usuń',
      removeLabel: (name: string) => `Usuń klucz: ${name}`,
      removed: 'Klucz został usunięty: nie można się już nim zalogować.',
      addTitle: 'Dodaj klucz dostępu',
      name: 'Nazwa klucza',
      nameHint: 'Na przykład „Telefon” albo „Laptop w domu” (do 60 znaków), żeby rozpoznać klucz na liście.',
      nameInvalid: 'Wpisz nazwę klucza: od 1 do 60 znaków, bez znaków sterujących.',
      add: 'Dodaj klucz dostępu',
      working: 'Postępuj zgodnie z poleceniami przeglądarki lub urządzenia…',
      added: (name: string) => `Dodano klucz dostępu „${name}”. Możesz nim logować się zamiast hasła.`,
      needsBrowser: 'Dodanie klucza dostępu wymaga włączonego JavaScriptu i przeglądarki, która obsługuje klucze dostępu.',
      cancelled: 'Nie dodano klucza: przerwano dodawanie albo minął czas na potwierdzenie. Możesz spróbować ponownie.',
      alreadyHere: 'To urządzenie ma już klucz dostępu do Twojego konta.',
      failed: 'Nie udało się dodać klucza z powodu błędu. Spróbuj ponownie za chwilę.',
      refusals: {
        challenge: 'Minął czas na dodanie klucza albo rozpoczęto je ponownie w innej karcie. Spróbuj jeszcze raz.',
        invalid: 'Urządzenie nie potwierdziło klucza (na przykład bez odcisku palca lub PIN-u). Spróbuj jeszcze raz.',
        not_allowed: 'Tego rodzaju klucza nie można dodać do konta.',
        duplicate: 'Ten klucz jest już dodany do konta.',
        gone: 'Nie można zmienić ustawień tego konta. Zaloguj się ponownie.',
        not_found: 'Tego klucza nie ma już na liście (mógł zostać usunięty w innej karcie).',
        last_factor:
          'Nie można usunąć ostatniego drugiego składnika, dopóki jest wymagany. Najpierw dodaj inny klucz albo włącz kod z aplikacji.',
      } satisfies Words<AddPasskeyRefusal | RemovePasskeyRefusal>,
    },
  },
  emailConfirm: {
    title: 'Potwierdź nowy adres email',
    intro: (email: string) => `Po potwierdzeniu adresem email Twojego konta będzie: ${email}.`,
    submit: 'Potwierdź nowy adres',
    doneTitle: 'Adres email został zmieniony',
    done: (email: string) => `Od teraz adresem email Twojego konta jest ${email}.`,
    toLogin: 'Przejdź do logowania',
    otherAccount: 'Ten link dotyczy innego konta niż to, na które jesteś zalogowany. Wyloguj się i otwórz link ponownie.',
    states: {
      unknown: { title: 'Nieprawidłowy link', body: 'Ten link jest nieprawidłowy. Sprawdź, czy został skopiowany w całości.' },
      expired: { title: 'Link wygasł', body: 'Ten link stracił ważność. Zaloguj się i poproś o zmianę adresu ponownie.' },
      used: { title: 'Link został już użyty', body: 'Ten adres email został już potwierdzony.' },
      superseded: {
        title: 'Link został zastąpiony nowszym',
        body: 'Poproszono o inną zmianę adresu albo ją anulowano, więc ten link przestał działać.',
      },
    },
  },
  consents: {
    title: 'Zgody',
    intro: 'Zgodę na powiadomienia możesz wycofać lub wyrazić w każdej chwili; wycofanie jest tak samo proste jak jej wyrażenie.',
    kinds: consentKindNames,
    given: 'Wyrażona',
    withdrawn: 'Wycofana',
    none: 'Nie wyrażono',
    version: (v: string) => `wersja treści ${v}`,
    when: (action: string, at: string, channel: string) => `${action} ${at}, ${channel}`,
    channels: { registration: 'w formularzu rejestracji', account: 'w ustawieniach konta' } satisfies Words<ConsentChannel>,
    actions: { given: 'wyrażona', withdrawn: 'wycofana' } satisfies Words<ConsentAction>,
    give: (kind: string) => `Wyraź zgodę: ${kind}`,
    withdraw: (kind: string) => `Wycofaj zgodę: ${kind}`,
    needsPhone: 'Aby wyrazić tę zgodę, podaj numer telefonu komórkowego w ustawieniach konta (na numer stacjonarny nie wysyłamy SMS).',
    securityNote: 'Wiadomości o bezpieczeństwie konta (np. o zmianie hasła) wysyłamy zawsze, niezależnie od tej zgody.',
    dataProcessing:
      'Zgoda na przetwarzanie danych jest podstawą prowadzenia konta w portalu. Jej wycofanie oznacza usunięcie konta w portalu (kartoteka pacjenta w szpitalu pozostaje, bo wymagają tego przepisy o dokumentacji medycznej).',
    dataProcessingLink: 'Wycofaj zgodę i usuń konto',
    history: 'Historia zgód',
    historyCaption: 'Historia zgód: rodzaj, zdarzenie, wersja treści, czas, sposób i adres IP',
    columns: { kind: 'Zgoda', action: 'Zdarzenie', version: 'Wersja', at: 'Kiedy', channel: 'Jak', ip: 'Adres IP' },
    recorded: { given: 'Zapisano wyrażenie zgody.', withdrawn: 'Zapisano wycofanie zgody.' } satisfies Words<ConsentAction>,
  },
  data: plAccountData,
  delete: {
    title: 'Usuń konto w portalu',
    what: 'Co się stanie:',
    consequences: [
      'Konto w portalu zostanie usunięte od razu: login, adres email, hasło, linki i sesje. Zostaniesz wylogowany na wszystkich urządzeniach.',
      'Login i adres email staną się wolne — możesz później założyć nowe konto.',
      'Kartoteka pacjenta w szpitalu (dane osobowe i adres) pozostaje, bo szpital musi ją przechowywać zgodnie z przepisami o dokumentacji medycznej.',
      'Historia Twoich zgód (z zapisem ich wycofania) i wpis o usunięciu konta w dzienniku zdarzeń pozostają jako dowód.',
      'Wycofanie zgody na przetwarzanie danych w portalu oznacza właśnie usunięcie konta.',
    ],
    before: 'Zanim usuniesz konto, możesz pobrać swoje dane.',
    confirm: 'Rozumiem, że konto w portalu zostanie usunięte i nie da się tego cofnąć.',
    confirmRequired: 'Zaznacz, że rozumiesz skutki usunięcia konta.',
    password: 'Hasło',
    submit: 'Usuń konto na stałe',
    doneTitle: 'Konto zostało usunięte',
    done: 'Twoje konto w portalu zostało usunięte, a wszystkie sesje zakończone. Kartoteka pacjenta w szpitalu pozostaje.',
    again: 'Możesz w każdej chwili założyć nowe konto.',
  },
  email: {
    passkeyAdded: {
      subject: 'Do konta w portalu E-Rejestracja dodano klucz dostępu',
      preview: 'Do Twojego konta dodano nowy klucz dostępu.',
      body: (name: string, at: string) =>
        `do Twojego konta w portalu pacjenta E-Rejestracja dodano klucz dostępu „${name}” (${at}). Można nim logować się bez hasła.`,
      notYou:
        'Jeżeli to nie Ty, zaloguj się, usuń ten klucz w ustawieniach konta i zmień hasło, a w razie wątpliwości skontaktuj się z rejestracją:',
    },
    passwordChanged: {
      subject: 'Hasło do konta w portalu E-Rejestracja zostało zmienione',
      preview: 'Hasło do Twojego konta zostało zmienione.',
      body: (at: string) =>
        `hasło do Twojego konta w portalu pacjenta E-Rejestracja zostało zmienione (${at}). Na innych urządzeniach trzeba zalogować się ponownie.`,
      ok: 'Jeżeli to Ty zmieniłeś hasło, nie musisz nic robić.',
      notYou: 'Jeżeli to nie Ty, natychmiast ustaw nowe hasło przez opcję „Nie pamiętam hasła”:',
      contact: 'i skontaktuj się z rejestracją:',
    },
    emailConfirm: {
      subject: 'Potwierdź nowy adres email w portalu E-Rejestracja',
      preview: 'Potwierdź, że ten adres ma być adresem Twojego konta.',
      body: 'poproszono o zmianę adresu email konta w portalu pacjenta E-Rejestracja na ten adres. Aby ją potwierdzić, kliknij przycisk poniżej.',
      button: 'Potwierdź nowy adres',
      validity: (hours: number) => `Link jest ważny przez ${hours} godz. i można go użyć tylko raz.`,
      notYou: 'Jeżeli to nie Ty prosiłeś o zmianę, zignoruj tę wiadomość — nic się nie zmieni.',
    },
    emailChangeNotice: {
      subject: 'Prośba o zmianę adresu email konta w portalu E-Rejestracja',
      preview: 'Ktoś poprosił o zmianę adresu email Twojego konta.',
      body: (masked: string) =>
        `poproszono o zmianę adresu email Twojego konta w portalu pacjenta E-Rejestracja na ${masked}. Adres zmieni się dopiero po kliknięciu linku wysłanego na nowy adres; do tego czasu obowiązuje ten.`,
      notYou:
        'Jeżeli to nie Ty, zaloguj się, anuluj zmianę w ustawieniach konta i zmień hasło, a w razie wątpliwości skontaktuj się z rejestracją:',
    },
  },
  audit: {
    patient: 'Pacjent (samoobsługa)',
  },
  staffActions: {
    'account.verify': 'potwierdzenie tożsamości',
    'account.block': 'zablokowanie konta',
    'account.unblock': 'odblokowanie konta',
    'account.resend_activation': 'ponowne wysłanie linku aktywacyjnego',
    'patient_record.accept_change': 'przyjęcie zmiany danych do kartoteki',
    'patient_record.reject_change': 'odrzucenie zmiany danych',
  },
  staff: {
    pendingTitle: 'Zmiana danych do potwierdzenia',
    pendingIntro: (at: string) => `Pacjent poprosił ${at} o zmianę danych w kartotece. Sprawdź i przyjmij do kartoteki albo odrzuć.`,
    current: 'Obecnie w kartotece',
    proposed: 'Proponowana zmiana',
    field: 'Pole',
    /** Read by screen readers after a changed value. */
    changed: ' (zmiana)',
    accept: 'Przyjmij zmianę do kartoteki',
    reject: 'Odrzuć zmianę',
    done: { accepted: 'Zmiana danych została przyjęta do kartoteki.', rejected: 'Zmiana danych została odrzucona.' },
    listTitle: 'Zmiany danych do potwierdzenia',
    listEmpty: 'Brak zmian danych do potwierdzenia.',
    listCaption: 'Zmiany danych pacjentów czekające na potwierdzenie, od najstarszych',
    nav: 'Zmiany danych',
    columns: { createdAt: 'Zgłoszono', patient: 'Pacjent', login: 'Login', fields: 'Zmieniane pola' },
    fields: {
      phone: 'telefon',
      street: 'ulica',
      houseNumber: 'numer domu',
      flatNumber: 'nr lokalu',
      postalCode: 'kod pocztowy',
      city: 'miejscowość',
    } satisfies Words<ContactField>,
  },
} as const;
