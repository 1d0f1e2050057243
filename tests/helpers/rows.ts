import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { accountTokens, blockedRegistrations, consents, emailOutbox, patients, webAccounts } from '@/db/schema';

/** Row counts of every table a registration writes to. */
export async function rowCounts(db: Db) {
  const n = async (table: PgTable) => {
    const [row] = await db.select({ n: count() }).from(table);
    return row!.n;
  };
  return {
    patients: await n(patients),
    accounts: await n(webAccounts),
    consents: await n(consents),
    tokens: await n(accountTokens),
    outbox: await n(emailOutbox),
    blocked: await n(blockedRegistrations),
  };
}
