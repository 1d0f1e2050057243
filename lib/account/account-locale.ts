// The language a patient's emails are written in (issue 13): set at registration and whenever
// the signed-in patient switches the portal's language.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webAccounts } from '@/db/schema';
import type { Locale } from '@/lib/i18n/locales';

export async function setAccountLocale(db: Db, accountId: string, locale: Locale): Promise<void> {
  await db.update(webAccounts).set({ locale }).where(eq(webAccounts.id, accountId));
}
