// Ukrainian text of the patient's own data page (/account/data) and its JSON file. Part of `uk` as `selfService.data`.
import type { AccountStatus, DataChangeStatus, VerificationDocument } from '@/db/schema';
import type { Catalogue } from './catalogue';

type Words<Key extends string> = Record<Key, string>;

export const ukAccountData = {
  title: 'Мої дані',
  intro:
    'Усе, що портал зберігає про ваш обліковий запис і пов’язану картку пацієнта (ст. 15 і 20 GDPR, польською RODO). Сторінку можна роздрукувати або завантажити дані як файл JSON.',
  download: 'Завантажити файл JSON',
  print: 'Друкувати',
  fileName: (day: string) => `мої-дані-e-rejestracja-${day}.json`,
  generatedAt: (at: string) => `Стан на ${at}.`,
  sections: {
    account: 'Обліковий запис на порталі',
    patient: 'Картка пацієнта',
    submitted: 'Дані, вказані у формі реєстрації',
    signIns: 'Входи',
    verification: 'Підтвердження особи',
    pending: 'Зміни, що очікують розгляду',
    consents: 'Згоди',
    emails: 'Надіслані електронні листи',
    staff: 'Дії працівників щодо облікового запису',
  },
  labels: {
    login: 'Логін',
    email: 'Електронна пошта',
    phone: 'Телефон',
    status: 'Статус облікового запису',
    createdAt: 'Обліковий запис створено',
    activatedAt: 'Обліковий запис активовано',
    passwordChangedAt: 'Остання зміна пароля',
    name: 'Ім’я та прізвище',
    pesel: 'PESEL',
    birthDate: 'Дата народження',
    sex: 'Стать',
    address: 'Адреса',
    recordEmail: 'Електронна пошта в картці',
    recordPhone: 'Телефон у картці',
    signInCount: 'Кількість входів',
    lastSignInAt: 'Останній вхід',
    verifiedAt: 'Підтверджено',
    verifiedBy: 'Ким',
    document: 'Документ',
    notVerified: 'Особу ще не підтверджено.',
    pendingEmail: 'Нова адреса електронної пошти, що очікує підтвердження',
    pendingData: 'Зміна адреси, що очікує підтвердження в пункті реєстрації пацієнтів',
    none: 'Немає.',
  },
  sexes: { K: 'жінка', M: 'чоловік' },
  documents: {
    dowod_osobisty: 'Польське посвідчення особи (dowód osobisty)',
    paszport: 'Паспорт',
    inny: 'Інший документ',
  } satisfies Words<VerificationDocument>,
  statuses: {
    pending_activation: 'очікує активації',
    active: 'активний, неперевірений',
    verified: 'перевірений',
    blocked: 'заблокований',
  } satisfies Words<AccountStatus>,
  emailColumns: { subject: 'Тема', createdAt: 'Створено', sentAt: 'Надіслано', status: 'Стан' },
  dataChangeStatuses: {
    pending: 'очікує підтвердження',
    accepted: 'внесено до картки',
    rejected: 'відхилено',
    superseded: 'замінено новішою',
    withdrawn: 'відкликано',
  } satisfies Words<DataChangeStatus>,
} satisfies Catalogue['selfService']['data'];
