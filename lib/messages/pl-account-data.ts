// Polish text of the patient's own data page (/account/data, RODO art. 15 and 20) and its JSON file.
// Part of `pl` as `selfService.data`.
import type { AccountStatus, DataChangeStatus, VerificationDocument } from '@/db/schema';

type Words<Key extends string> = Record<Key, string>;

export const plAccountData = {
  title: 'Moje dane',
  intro:
    'Wszystko, co portal przechowuje o Twoim koncie i powiązanej kartotece pacjenta (RODO art. 15 i 20). Stronę możesz wydrukować albo pobrać dane jako plik JSON.',
  download: 'Pobierz plik JSON',
  print: 'Drukuj',
  /** The downloaded file's name, by the day it was made (YYYY-MM-DD). */
  fileName: (day: string) => `moje-dane-e-rejestracja-${day}.json`,
  generatedAt: (at: string) => `Stan na ${at}.`,
  sections: {
    account: 'Konto w portalu',
    patient: 'Kartoteka pacjenta',
    submitted: 'Dane podane w formularzu rejestracji',
    signIns: 'Logowania',
    verification: 'Weryfikacja tożsamości',
    pending: 'Zmiany w toku',
    consents: 'Zgody',
    emails: 'Wysłane wiadomości email',
    staff: 'Działania pracowników dotyczące konta',
  },
  labels: {
    login: 'Login',
    email: 'Adres email',
    phone: 'Telefon',
    status: 'Status konta',
    createdAt: 'Konto założone',
    activatedAt: 'Konto aktywowane',
    passwordChangedAt: 'Ostatnia zmiana hasła',
    name: 'Imię i nazwisko',
    pesel: 'PESEL',
    birthDate: 'Data urodzenia',
    sex: 'Płeć',
    address: 'Adres',
    recordEmail: 'Adres email w kartotece',
    recordPhone: 'Telefon w kartotece',
    signInCount: 'Liczba logowań',
    lastSignInAt: 'Ostatnie logowanie',
    verifiedAt: 'Zweryfikowano',
    verifiedBy: 'Przez',
    document: 'Dokument',
    notVerified: 'Tożsamość nie została jeszcze potwierdzona.',
    pendingEmail: 'Nowy adres email do potwierdzenia',
    pendingData: 'Zmiana adresu do potwierdzenia w rejestracji',
    none: 'Brak.',
  },
  sexes: { K: 'kobieta', M: 'mężczyzna' },
  /** The document the desk checked the identity with. */
  documents: { dowod_osobisty: 'Dowód osobisty', paszport: 'Paszport', inny: 'Inny dokument' } satisfies Words<VerificationDocument>,
  statuses: {
    pending_activation: 'oczekuje na aktywację',
    active: 'aktywne, niezweryfikowane',
    verified: 'zweryfikowane',
    blocked: 'zablokowane',
  } satisfies Words<AccountStatus>,
  emailColumns: { subject: 'Temat', createdAt: 'Utworzono', sentAt: 'Wysłano', status: 'Stan' },
  dataChangeStatuses: {
    pending: 'czeka na potwierdzenie',
    accepted: 'przyjęta do kartoteki',
    rejected: 'odrzucona',
    superseded: 'zastąpiona nowszą',
    withdrawn: 'wycofana',
  } satisfies Words<DataChangeStatus>,
} as const;
