// Direct database access for what the UI cannot do (expire a link), and the PostgreSQL server on
// which specs with servers of their own create throwaway databases. Only a real, local PostgreSQL:
// the main server's PGlite folder is locked while it runs.
import postgres from 'postgres';

/** The main e2e server's database (CI always sets it; playwright.config.ts refuses a remote one). */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? '';

/** A PostgreSQL server to create throwaway databases on (CI always has one). */
export const postgresBase = process.env.TEST_DATABASE_URL || process.env.E2E_DATABASE_URL || '';

/** Makes every link of the account with `login` expired; returns how many there were. */
export async function expireTokensOf(login: string): Promise<number> {
  if (!e2eDatabaseUrl) throw new Error('expireTokensOf needs E2E_DATABASE_URL');
  const sql = postgres(e2eDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`
      update account_tokens set expires_at = now() - interval '1 hour'
      where account_id = (select id from web_accounts where login = ${login})
      returning id`;
    return rows.length;
  } finally {
    await sql.end();
  }
}
