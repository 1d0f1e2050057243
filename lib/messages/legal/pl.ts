// Polish text of the legal pages: the accessibility statement (/dostepnosc, the ministry's
// template for the act of 4 April 2019) and the RODO art. 13 information clause (/prywatnosc).
// `{name}` marks a slot the page fills with markup (a link, a <time>); plain values come in as
// function arguments. Every language has the same slots (tests/unit/legal-catalogues.test.ts).
import { counted } from '../plural';

/** "1 dzień", "2 dni", "30 dni": the accusative of a span of days. */
const days = (n: number) => counted('pl', n, { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' });

export const legalPl = {
  accessibility: {
    title: 'Deklaracja dostępności',
    intro:
      '{entity} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej {site}.',
    sitePublished: 'Data publikacji strony internetowej:',
    siteUpdated: 'Data ostatniej istotnej aktualizacji:',
    status: {
      title: 'Stan dostępności cyfrowej',
      partial:
        'Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub wyłączeń wymienionych poniżej.',
      full: 'Strona internetowa jest zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.',
      nonCompliantTitle: 'Treści niedostępne',
      /** Used when the facility has not listed its own. */
      nonCompliant: [
        'Plik z danymi konta do pobrania ma format JSON, przeznaczony dla programów komputerowych. Te same dane w dostępnej postaci są na stronie „Moje dane”, którą można też wydrukować.',
        'Wiadomości email wysyłane przez portal (np. z linkiem aktywacyjnym) wyglądają różnie w zależności od programu pocztowego. Każda wiadomość ma także wersję w postaci zwykłego tekstu.',
      ],
      configuredNote: 'Opis podany przez placówkę w języku polskim.',
    },
    preparation: {
      title: 'Przygotowanie deklaracji dostępności',
      prepared: 'Deklarację sporządzono dnia {date}.',
      method: 'Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.',
      lastCheck: 'Ostatni automatyczny test dostępności (narzędzie axe-core, kryteria WCAG 2.1 na poziomie AA) przeprowadzono dnia {date}.',
    },
    contact: {
      title: 'Informacje zwrotne i dane kontaktowe',
      intro:
        'W przypadku problemów z dostępnością strony internetowej prosimy o kontakt. Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia dostępności.',
      person: 'Osoba kontaktowa:',
      email: 'Adres email:',
      phone: 'Telefon:',
      noPhone: 'nie podano — prosimy o kontakt przez email',
    },
    procedure: {
      title: 'Procedura wnioskowo-skargowa',
      paragraphs: [
        'Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu.',
        'Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub jej element chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji za pomocą alternatywnego sposobu dostępu, powinna także określić dogodny dla niej sposób przedstawienia tej informacji.',
        'Podmiot publiczny powinien zrealizować żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie i wskazuje, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli zapewnienie dostępności cyfrowej nie jest możliwe, podmiot publiczny może zaproponować alternatywny sposób dostępu do informacji.',
        'W przypadku, gdy podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do informacji, wnoszący żądanie może złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej lub jej elementu.',
      ],
      ombudsman: 'Po wyczerpaniu wskazanej wyżej procedury można także złożyć wniosek do {ombudsman}.',
      ombudsmanName: 'Rzecznika Praw Obywatelskich',
    },
    architecture: {
      title: 'Dostępność architektoniczna',
      desk: (desk: string, facility: string, address: string, hours: string) =>
        `${desk} ${facility} mieści się pod adresem: ${address}. Godziny pracy: ${hours}.`,
      help: 'Pracownicy rejestracji pomagają osobom z niepełnosprawnościami w załatwieniu sprawy. Jeżeli potrzebujesz pomocy przy wejściu do budynku lub dotarciu do rejestracji, najlepiej uprzedź nas telefonicznie lub przez email osoby kontaktowej podanej wyżej.',
      assistanceDog: 'Do budynku i wszystkich jego pomieszczeń można wejść z psem asystującym.',
      configuredNote: 'Opis podany przez placówkę w języku polskim.',
    },
    signLanguage: { title: 'Tłumacz języka migowego i pętla indukcyjna' },
  },
  privacy: {
    title: 'Informacja o przetwarzaniu danych osobowych',
    intro:
      'Zgodnie z art. 13 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (ogólne rozporządzenie o ochronie danych, RODO) informujemy, jak przetwarzamy dane osobowe podane w portalu E-Rejestracja.',
    controller: {
      title: 'Administrator danych',
      text: (name: string, address: string) => `Administratorem Twoich danych osobowych jest ${name}, ${address}.`,
    },
    dpo: {
      title: 'Inspektor ochrony danych',
      text: 'W sprawach dotyczących Twoich danych osobowych możesz się kontaktować z inspektorem ochrony danych: email {email} lub listownie na adres administratora z dopiskiem „Inspektor ochrony danych”.',
    },
    purposes: {
      title: 'Cele i podstawy prawne przetwarzania',
      account: (desk: string) =>
        `Założenie i prowadzenie konta w portalu, potwierdzenie Twojej tożsamości w rejestracji (${desk}) i powiązanie konta z kartoteką pacjenta: art. 6 ust. 1 lit. c i e RODO (obowiązki prawne i zadania realizowane w interesie publicznym przez podmiot leczniczy), a w zakresie danych związanych z udzielaniem świadczeń zdrowotnych art. 9 ust. 2 lit. h RODO (opieka zdrowotna). Zgoda wyrażona przy rejestracji potwierdza Twoją wolę założenia konta; jej wycofanie oznacza usunięcie konta.`,
      email:
        'Powiadomienia na adres email: Twoja zgoda (art. 6 ust. 1 lit. a RODO). Wiadomości potrzebne do działania konta (link aktywacyjny, ustawienie nowego hasła, potwierdzenie zmiany adresu) wysyłamy w ramach prowadzenia konta.',
      sms: 'Powiadomienia SMS: Twoja zgoda (art. 6 ust. 1 lit. a RODO).',
      security:
        'Bezpieczeństwo portalu (ochrona przed nadużyciami, zapis logowań, zapis adresu IP i przeglądarki przy wyrażeniu zgody): art. 6 ust. 1 lit. c RODO w związku z art. 32 RODO.',
      withdraw:
        'Zgody na powiadomienia email i SMS możesz w każdej chwili wycofać na stronie swojego konta ({account}). Wycofanie zgody nie wpływa na zgodność z prawem przetwarzania, którego dokonano przed jej wycofaniem.',
      accountLink: 'Moje konto',
    },
    recipients: {
      title: 'Odbiorcy danych',
      text: (desk: string, processor: string | null) =>
        `Dane są dostępne dla upoważnionych pracowników rejestracji (${desk}). Wiadomości email wysyła w naszym imieniu ${processor ?? 'dostawca usługi poczty elektronicznej'}, któremu powierzyliśmy przetwarzanie danych na podstawie umowy (podmiot przetwarzający). Dane możemy przekazać także podmiotom uprawnionym na podstawie przepisów prawa.`,
    },
    retention: {
      title: 'Okres przechowywania danych',
      account: 'Dane konta przechowujemy, dopóki konto istnieje. Konto możesz w każdej chwili usunąć ({delete}).',
      deleteLink: 'Usuń konto',
      unactivated: (n: number) =>
        `Konto, które nie zostało aktywowane, usuwamy wraz z jego danymi po upływie okresu ${days(n)} od rejestracji lub od wysłania ostatniego linku aktywacyjnego.`,
      record:
        'Dane w kartotece pacjenta (imię, nazwisko, PESEL, adres) pozostają po usunięciu konta w portalu przez okres wymagany przepisami o dokumentacji medycznej (ustawa z dnia 6 listopada 2008 r. o prawach pacjenta i Rzeczniku Praw Pacjenta).',
      history:
        'Historię udzielonych i wycofanych zgód oraz zapis działań pracowników przechowujemy także po usunięciu konta, jako dowód zgodnego z prawem przetwarzania (art. 5 ust. 2 i art. 7 ust. 1 RODO).',
      emails: (n: number) =>
        `Treść wysłanych wiadomości email usuwamy po upływie okresu ${days(n)}; pozostają temat, adresat i informacja o wysłaniu.`,
      links: (n: number) =>
        n === 0
          ? 'Linki aktywacyjne, linki do ustawienia hasła i do zmiany adresu email usuwamy, gdy wygasną.'
          : `Linki aktywacyjne, linki do ustawienia hasła i do zmiany adresu email usuwamy po upływie okresu ${days(n)} od ich wygaśnięcia.`,
      blocked: (n: number) => `Dane zablokowanych prób rejestracji usuwamy po upływie okresu ${days(n)}.`,
    },
    rights: {
      title: 'Twoje prawa',
      intro: 'Masz prawo:',
      list: [
        'dostępu do swoich danych i otrzymania ich kopii (art. 15 RODO),',
        'sprostowania danych (art. 16 RODO),',
        'usunięcia danych (art. 17 RODO),',
        'ograniczenia przetwarzania (art. 18 RODO),',
        'przenoszenia danych (art. 20 RODO),',
        'sprzeciwu wobec przetwarzania (art. 21 RODO),',
        'wycofania zgody w dowolnym momencie (art. 7 ust. 3 RODO).',
      ],
      limits:
        'Prawo do usunięcia danych i prawo sprzeciwu nie obejmują danych, które musimy przechowywać na podstawie przepisów, w tym dokumentacji medycznej.',
      portal:
        'W portalu możesz pobrać swoje dane ({data}), poprawić je w ustawieniach konta ({settings}) i usunąć konto ({delete}). W pozostałych sprawach napisz do inspektora ochrony danych.',
      dataLink: 'Moje dane',
      settingsLink: 'Ustawienia konta',
    },
    complaint: {
      title: 'Prawo wniesienia skargi',
      text: 'Jeżeli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem, możesz wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych, ul. Stawki 2, 00-193 Warszawa ({uodo}).',
    },
    requirement: {
      title: 'Czy musisz podać dane',
      text: 'Podanie danych jest dobrowolne, ale bez nich nie założysz konta: potrzebne są imię, nazwisko, numer PESEL (lub data urodzenia, jeśli nie masz numeru PESEL), login, adres email i adres zamieszkania. Numer telefonu możesz pominąć. Zgoda na powiadomienia email jest potrzebna przy rejestracji, bo na adres email wysyłamy link aktywacyjny; zgoda na powiadomienia SMS — gdy podasz numer telefonu. Obie możesz później wycofać.',
    },
    automated: {
      title: 'Zautomatyzowane decyzje',
      text: 'Nie podejmujemy wobec Ciebie decyzji w sposób zautomatyzowany, w tym nie profilujemy Cię.',
    },
  },
};
