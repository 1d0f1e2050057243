// Logins and emails ignore case in the database itself (issue 23, citext): a plain `=` finds the
// account whatever the case it is typed in, and a second account differing only in case is
// refused by the unique indexes the use cases map to outcomes, on PGlite and PostgreSQL alike.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { migrationsFolder } from '@/db/migrate';
import { staffAccounts, webAccounts } from '@/db/schema';
import { uniqueViolation } from '@/lib/db-errors';
import { addStaff } from '@/lib/staff/staff-accounts';
import { registeredPatient } from '../helpers/accounts';
import { createPostgresDatabase, describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';

/** Swaps the case of every letter: `Jan.Kowalski` → `jAN.kOWALSKI`. */
const swapCase = (value: string) => value.replace(/\p{L}/gu, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

describeEachDatabase('logins and emails ignore case in the database', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  const failureOf = (write: Promise<unknown>) =>
    write.then(
      () => null,
      (error: unknown) => uniqueViolation(error),
    );

  it('finds a patient account by a plain = on its login or email, typed in any case, and keeps the case it was given', async () => {
    const suffix = uniqueSuffix();
    const { data, accountId } = await registeredPatient(db(), { login: `Jan.Mixed.${suffix}`, email: `Jan.Mixed.${suffix}@Example.PL` });
    for (const login of [data.login, data.login.toLowerCase(), data.login.toUpperCase(), swapCase(data.login)]) {
      expect(await db().select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.login, login))).toEqual([{ id: accountId }]);
    }
    for (const email of [data.email.toLowerCase(), swapCase(data.email)]) {
      expect(await db().select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.email, email))).toEqual([{ id: accountId }]);
    }
    const [both] = await db()
      .select({ login: webAccounts.login, email: webAccounts.email })
      .from(webAccounts)
      .where(inArray(webAccounts.login, [data.login.toUpperCase()]));
    expect(both).toEqual({ login: data.login, email: data.email });
  });

  it('finds a staff account by a plain = on its login typed in any case', async () => {
    const login = `Desk.Mixed.${uniqueSuffix()}`.slice(0, 32);
    const added = await addStaff(db(), { login, name: 'Pani Ewa', role: 'registrar', password: 'Rejestracja#2026x' });
    if (!added.ok) throw new Error(added.error);
    const [row] = await db()
      .select({ id: staffAccounts.id, login: staffAccounts.login })
      .from(staffAccounts)
      .where(eq(staffAccounts.login, swapCase(login)));
    expect(row).toEqual({ id: added.id, login });
  });

  it('refuses a second login or email that differs only in case, by the unique indexes the use cases name', async () => {
    const first = await registeredPatient(db());
    const second = await registeredPatient(db());
    const setOnSecond = (values: Partial<typeof webAccounts.$inferInsert>) =>
      failureOf(db().update(webAccounts).set(values).where(eq(webAccounts.id, second.accountId)));
    expect(await setOnSecond({ login: first.data.login.toUpperCase() })).toBe('web_accounts_login_key');
    expect(await setOnSecond({ email: swapCase(first.data.email) })).toBe('web_accounts_email_key');

    const login = `Desk.Twice.${uniqueSuffix()}`.slice(0, 32);
    const values = { name: 'Pani Ewa', role: 'registrar' as const, passwordHash: 'x' };
    await db()
      .insert(staffAccounts)
      .values({ ...values, login });
    expect(
      await failureOf(
        db()
          .insert(staffAccounts)
          .values({ ...values, login: login.toLowerCase() }),
      ),
    ).toBe('staff_accounts_login_key');
  });

  it('keeps the accounts stored before the change to citext, in their case, and finds them in any case', async () => {
    // The migrations up to 0013 (text columns, unique indexes on lower()), then all of them.
    const before = mkdtempSync(path.join(tmpdir(), 'erej-migrations-'));
    cpSync(migrationsFolder, before, { recursive: true });
    const journalPath = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
    const upTo = journal.entries.findIndex((e) => e.tag === '0014_identities_citext');
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));

    const created = kind === 'postgres' ? await createPostgresDatabase() : null;
    const old: Database = await openDatabase(created ? { url: created.url, max: 2 } : { dataDir: 'memory://' });
    const migrate = async (folder: string) => {
      const { migrate } = await import(kind === 'postgres' ? 'drizzle-orm/postgres-js/migrator' : 'drizzle-orm/pglite/migrator');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await migrate(old.db as any, { migrationsFolder: folder });
    };
    try {
      await migrate(before);
      const suffix = uniqueSuffix();
      await old.db.execute(sql`
        with p as (insert into patients (first_name, last_name, first_name_key, last_name_key, source)
                   values ('Jan', 'Stary', 'jan', 'stary', 'import') returning id)
        insert into web_accounts (patient_id, login, email, submitted)
        select id, ${`Jan.Stary.${suffix}`}, ${`Jan.Stary.${suffix}@Example.PL`}, '{}'::jsonb from p`);
      await old.db.execute(sql`insert into staff_accounts (login, name, role, password_hash)
                               values (${`Desk.Stary.${suffix}`}, 'Pani Ewa', 'registrar', 'x')`);
      await migrate(migrationsFolder);

      const [account] = await old.db
        .select({ login: webAccounts.login, email: webAccounts.email })
        .from(webAccounts)
        .where(eq(webAccounts.email, `jan.stary.${suffix}@example.pl`));
      expect(account).toEqual({ login: `Jan.Stary.${suffix}`, email: `Jan.Stary.${suffix}@Example.PL` });
      const [staff] = await old.db
        .select({ login: staffAccounts.login })
        .from(staffAccounts)
        .where(eq(staffAccounts.login, `DESK.STARY.${suffix.toUpperCase()}`));
      expect(staff).toEqual({ login: `Desk.Stary.${suffix}` });
    } finally {
      await old.close();
      await created?.drop();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
