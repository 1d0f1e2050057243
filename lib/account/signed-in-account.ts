// The account a signed-in patient acts on. A session can outlive what it was issued for (the desk
// blocks the account, the patient deletes it in another browser), so each self-service use case
// reads the account through here and answers `gone` when there is none.
import { eq } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from '@/db/client';
import { webAccounts, type AccountStatus } from '@/db/schema';
import { readAccountWithPatient } from './account-with-patient';

type WithStatus<T extends SelectedFields> = SelectResultFields<T> & { status: AccountStatus };

/**
 * The account's and its patient's `fields`, with the account's status; undefined when the account
 * is gone, blocked or not yet activated.
 */
export async function readSignedInAccount<T extends SelectedFields>(
  db: Db,
  accountId: string,
  fields: T,
): Promise<WithStatus<T> | undefined> {
  const row = (await readAccountWithPatient(db, accountId, { ...fields, status: webAccounts.status })) as WithStatus<T> | undefined;
  return row && row.status !== 'blocked' && row.status !== 'pending_activation' ? row : undefined;
}

/**
 * The account's `fields`, with its status, and its row locked until `tx` ends, so that two
 * requests of one account change it one after the other; undefined when it is gone or blocked.
 */
export async function lockSignedInAccount<T extends SelectedFields>(
  tx: Db,
  accountId: string,
  fields: T,
): Promise<WithStatus<T> | undefined> {
  const [row] = (await tx
    .select({ ...fields, status: webAccounts.status } as SelectedFields)
    .from(webAccounts)
    .where(eq(webAccounts.id, accountId))
    .for('update')) as WithStatus<T>[];
  return row && row.status !== 'blocked' ? row : undefined;
}
