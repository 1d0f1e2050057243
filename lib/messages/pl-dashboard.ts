// Polish text of the desk's dashboard and CSV exports (/admin, issue 14). Staff pages stay
// Polish (SPEC §15). Kept beside pl.ts, in the same shape, so the two can be merged at will.
export const plDashboard = {
  title: 'Pulpit',
  nav: 'Pulpit',
  intro: (from: string, to: string) => `Ostatnie 30 dni: od ${from} do ${to}. Dni według czasu polskiego.`,
  showTable: 'Pokaż dane w tabeli',
  day: 'Dzień',
  total: 'Razem',
  count: 'Liczba',
  registrations: {
    heading: 'Rejestracje dziennie',
    series: { newRecord: 'Nowa kartoteka', attached: 'Dopisane do kartoteki', conflict: 'Konflikt danych' },
    desc: (registered: number, conflicts: number) =>
      `Wykres słupkowy skumulowany: konta założone i próby zablokowane z powodu konfliktu danych w każdym z ostatnich 30 dni. Razem założono ${registered} kont, zablokowano ${conflicts} prób.`,
    caption: 'Rejestracje w ostatnich 30 dniach według wyniku',
    registered: 'Założone konta',
    conflicts: 'Konflikty danych',
    reasonsCaption: 'Konflikty danych według powodu',
    reason: 'Powód',
  },
  activation: {
    heading: 'Aktywacja kont',
    created: 'Konta założone w ciągu 30 dni',
    activated: 'Z nich aktywowane (hasło ustawione)',
    notActivated: 'Jeszcze nieaktywowane',
    rate: 'Odsetek aktywacji',
    none: 'brak kont',
    desc: (rate: string, activated: number, created: number) =>
      `Pasek: ${rate} kont założonych w ostatnich 30 dniach zostało aktywowanych (${activated} z ${created}).`,
    caption: 'Aktywacja kont założonych w ostatnich 30 dniach',
  },
  backlog: {
    heading: 'Weryfikacja tożsamości w rejestracji',
    awaitingVerification: 'Aktywne konta czekające na weryfikację',
    awaitingActivation: 'Konta czekające na aktywację',
    median: 'Mediana czasu od aktywacji do weryfikacji (30 dni)',
    verified: 'Zweryfikowane w ciągu 30 dni (po aktywacji)',
    noMedian: 'brak weryfikacji',
    byMethod: { desk: 'Zweryfikowane w rejestracji (30 dni)', node: 'Zweryfikowane przez login.gov.pl (30 dni)' },
    buckets: { under1d: 'do 1 dnia', from1to7d: '1–7 dni', from7to30d: '7–30 dni', over30d: 'ponad 30 dni' },
    age: 'Czas oczekiwania od aktywacji',
    desc: (waiting: number, oldest: string) =>
      `Wykres słupkowy: ${waiting} aktywnych kont czeka na weryfikację tożsamości, według czasu oczekiwania od aktywacji. Najliczniejsza grupa: ${oldest}.`,
    caption: 'Aktywne konta czekające na weryfikację według czasu oczekiwania',
  },
  email: {
    heading: 'Dostarczanie wiadomości email',
    failedSeries: 'Niedostarczone',
    failed: 'Wiadomości niedostarczone (30 dni)',
    retrying: 'Wiadomości ponawiane teraz (po nieudanej próbie)',
    smsFailed: 'SMS niedostarczone (30 dni)',
    desc: (failed: number) =>
      `Wykres słupkowy: wiadomości email, których nie udało się dostarczyć, według dnia wysłania. Razem w ostatnich 30 dniach: ${failed}.`,
    caption: 'Niedostarczone wiadomości email w ostatnich 30 dniach',
  },
  exports: {
    heading: 'Eksport danych (CSV)',
    intro:
      'Plik CSV (średnik jako separator, UTF-8) do otwarcia w arkuszu kalkulacyjnym. Każdy eksport jest zapisywany w dzienniku zdarzeń.',
    from: 'Od dnia',
    to: 'Do dnia',
    auditLog: 'Dziennik zdarzeń',
    blocked: 'Odrzucone próby rejestracji',
    download: (what: string) => `Pobierz CSV: ${what}`,
    invalidRange: 'Podaj poprawny zakres dat: „Od dnia” nie później niż „Do dnia”, najwyżej 366 dni.',
  },
} as const;
