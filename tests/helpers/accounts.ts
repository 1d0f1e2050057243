// Patients with a password (status `active`, or `verified` by a desk), for the self-service tests.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { emailOutbox, webAccounts } from '@/db/schema';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import type { RegistrationData } from '@/lib/registration/form';
import { registerPatient } from '@/lib/registration/register-patient';
import { addStaff } from '@/lib/staff/staff-accounts';
import { verifyAccount } from '@/lib/staff/verification-decisions';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { context, person, uniqueSuffix } from './registration';

export const PASSWORD = 'Zielona#Lampa7';

export async function registeredPatient(db: Db, overrides: Partial<RegistrationData> = {}) {
  const data = person(overrides);
  const outcome = await registerPatient(db, data, context());
  if (outcome.status !== 'registered') throw new Error(outcome.status);
  return { data, accountId: outcome.accountId, patientId: outcome.patientId };
}

/** Registered and activated with PASSWORD. */
export async function activePatient(db: Db, overrides: Partial<RegistrationData> = {}) {
  const patient = await registeredPatient(db, overrides);
  const token = await latestLink(db, patient.accountId, '/activate');
  const set = await setPasswordWithToken(db, { purpose: 'activation', token: token!, password: PASSWORD, repeat: PASSWORD });
  if (set.status !== 'ok') throw new Error(set.status);
  return { ...patient, password: PASSWORD };
}

export async function newRegistrar(db: Db): Promise<StaffPrincipal> {
  const result = await addStaff(db, {
    login: `desk.${uniqueSuffix()}`,
    name: 'Pani Ewa',
    role: 'registrar',
    password: 'Rejestracja#2026x',
  });
  if (!result.ok) throw new Error(result.error);
  return { id: result.id, role: 'registrar' };
}

export async function verifiedPatient(db: Db, staff: StaffPrincipal, overrides: Partial<RegistrationData> = {}) {
  const patient = await activePatient(db, overrides);
  const result = await verifyAccount(db, staff, patient.accountId, 'dowod_osobisty');
  if (!result.ok) throw new Error(result.error);
  return patient;
}

/** The token of the newest link to `path` emailed about the account (or to `recipient`). */
export async function latestLink(db: Db, accountId: string, path: string, recipient?: string): Promise<string | undefined> {
  const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId)).orderBy(desc(emailOutbox.createdAt));
  const pattern = new RegExp(`${path}/([A-Za-z0-9_-]{43})`);
  return mails
    .filter((m) => !recipient || m.recipient === recipient)
    .map((m) => pattern.exec(m.text)?.[1])
    .find(Boolean);
}

export async function accountRow(db: Db, accountId: string) {
  const [row] = await db.select().from(webAccounts).where(eq(webAccounts.id, accountId));
  return row;
}
