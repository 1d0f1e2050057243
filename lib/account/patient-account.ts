import type { Db } from '@/db/client';
import { patients, webAccounts } from '@/db/schema';
import { patientAddressColumns } from './settings-view';
import { readAccountWithPatient } from './account-with-patient';

/** What the signed-in patient sees on /account. */
export async function loadPatientAccount(db: Db, accountId: string) {
  const row = await readAccountWithPatient(db, accountId, {
    login: webAccounts.login,
    email: webAccounts.email,
    phone: webAccounts.phone,
    status: webAccounts.status,
    verifiedAt: webAccounts.verifiedAt,
    verificationMethod: webAccounts.verificationMethod,
    verificationMeans: webAccounts.verificationMeans,
    firstName: patients.firstName,
    lastName: patients.lastName,
    pesel: patients.pesel,
    birthDate: patients.birthDate,
    ...patientAddressColumns,
  });
  return row ?? null;
}
