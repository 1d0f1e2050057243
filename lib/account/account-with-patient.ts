// A web account read with its patient record: the one join of web_accounts to patients, with the
// columns (or whole tables) the caller names from either.
import { eq } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from '@/db/client';
import { patients, webAccounts } from '@/db/schema';

/** Accounts joined to their patient records, selecting `fields`; the caller adds joins, conditions and order. */
export function selectAccountsWithPatients<T extends SelectedFields>(db: Db, fields: T) {
  return db.select(fields).from(webAccounts).innerJoin(patients, eq(patients.id, webAccounts.patientId));
}

/** The account and its patient's `fields`, or undefined when there is no such account. */
export async function readAccountWithPatient<T extends SelectedFields>(
  db: Db,
  accountId: string,
  fields: T,
): Promise<SelectResultFields<T> | undefined> {
  const [row] = await selectAccountsWithPatients(db, fields as SelectedFields).where(eq(webAccounts.id, accountId));
  return row as SelectResultFields<T> | undefined;
}
