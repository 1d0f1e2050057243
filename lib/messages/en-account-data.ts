// English text of the patient's own data page (/account/data) and its JSON file. Part of `en` as `selfService.data`.
import type { AccountStatus, DataChangeStatus, VerificationDocument } from '@/db/schema';
import type { Catalogue } from './catalogue';

type Words<Key extends string> = Record<Key, string>;

export const enAccountData = {
  title: 'My data',
  intro:
    'Everything the portal stores about your account and the linked patient record (GDPR – in Polish RODO – Articles 15 and 20). You can print this page or download the data as a JSON file.',
  download: 'Download JSON file',
  print: 'Print',
  fileName: (day: string) => `my-data-e-rejestracja-${day}.json`,
  generatedAt: (at: string) => `As at ${at}.`,
  sections: {
    account: 'Portal account',
    patient: 'Patient record',
    submitted: 'Details given in the registration form',
    signIns: 'Sign-ins',
    verification: 'Identity verification',
    pending: 'Changes in progress',
    consents: 'Consents',
    emails: 'Emails sent',
    staff: 'Actions taken by staff on the account',
  },
  labels: {
    login: 'Username',
    email: 'Email address',
    phone: 'Phone',
    status: 'Account status',
    createdAt: 'Account created',
    activatedAt: 'Account activated',
    passwordChangedAt: 'Password last changed',
    name: 'Full name',
    pesel: 'PESEL',
    birthDate: 'Date of birth',
    sex: 'Sex',
    address: 'Address',
    recordEmail: 'Email address in the patient record',
    recordPhone: 'Phone in the patient record',
    signInCount: 'Number of sign-ins',
    lastSignInAt: 'Last sign-in',
    verifiedAt: 'Verified',
    verifiedBy: 'By',
    document: 'Document',
    notVerified: 'Your identity has not been confirmed yet.',
    pendingEmail: 'New email address awaiting confirmation',
    pendingData: 'Address change awaiting confirmation by the registration desk',
    none: 'None.',
  },
  sexes: { K: 'female', M: 'male' },
  documents: {
    dowod_osobisty: 'Polish identity card (dowód osobisty)',
    paszport: 'Passport',
    inny: 'Another document',
  } satisfies Words<VerificationDocument>,
  statuses: {
    pending_activation: 'awaiting activation',
    active: 'active, not verified',
    verified: 'verified',
    blocked: 'blocked',
  } satisfies Words<AccountStatus>,
  emailColumns: { subject: 'Subject', createdAt: 'Created', sentAt: 'Sent', status: 'Status' },
  dataChangeStatuses: {
    pending: 'awaiting confirmation',
    accepted: 'entered in the patient record',
    rejected: 'rejected',
    superseded: 'replaced by a newer one',
    withdrawn: 'withdrawn',
  } satisfies Words<DataChangeStatus>,
} satisfies Catalogue['selfService']['data'];
