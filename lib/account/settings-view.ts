// What the settings page shows: the account's contact data, and the changes waiting.
import type { Db } from '@/db/client';
import { patients, webAccounts } from '@/db/schema';
import { pendingEmailChange } from './change-email';
import { pendingDataChange } from './contact-details';
import { readAccountWithPatient } from './account-with-patient';

/** The record's postal address, as the account pages select it. */
export const patientAddressColumns = {
  street: patients.street,
  houseNumber: patients.houseNumber,
  flatNumber: patients.flatNumber,
  postalCode: patients.postalCode,
  city: patients.city,
};

export async function loadSettings(db: Db, accountId: string) {
  const row = await readAccountWithPatient(db, accountId, {
    email: webAccounts.email,
    phone: webAccounts.phone,
    status: webAccounts.status,
    attached: webAccounts.patientAttached,
    ...patientAddressColumns,
  });
  if (!row) return null;
  const [email, data] = await Promise.all([pendingEmailChange(db, accountId), pendingDataChange(db, accountId)]);
  return {
    ...row,
    /** Whether the desk accepts address changes (a record the hospital vouches for). */
    reviewed: row.status === 'verified' || row.attached === 1,
    pendingEmail: email,
    pendingData: data,
  };
}

/** One line of an address as people write it: `ul. Lubelska 12A/3, 21-010 Łęczna`. */
export function formatAddress(a: {
  street: string | null;
  houseNumber: string | null;
  flatNumber: string | null;
  postalCode: string | null;
  city: string | null;
}): string {
  return [
    [a.street, [a.houseNumber, a.flatNumber].filter(Boolean).join('/')].filter(Boolean).join(' '),
    [a.postalCode, a.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
}
