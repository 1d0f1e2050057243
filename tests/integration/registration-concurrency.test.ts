// Races that only a real PostgreSQL with many connections can show.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { patients, webAccounts } from '@/db/schema';
import { registerPatient } from '@/lib/registration/register-patient';
import { describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';

describePostgres('registration under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { max: 25 });
  });
  afterAll(async () => database?.dispose());

  it('lets exactly one of 20 simultaneous registrations of one person win', async () => {
    const data = person();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => registerPatient(database.db, { ...data }, context())));
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.status !== 'registered')) {
      expect(o.status === 'conflict' || (o.status === 'invalid' && 'login' in o.fieldErrors)).toBe(true);
    }
    const [p] = await database.db.select({ n: count() }).from(patients).where(eq(patients.pesel, data.pesel!));
    const [a] = await database.db.select({ n: count() }).from(webAccounts).where(eq(webAccounts.email, data.email));
    expect(p!.n).toBe(1);
    expect(a!.n).toBe(1);
  });

  it('lets exactly one of 20 simultaneous registrations of one person without PESEL win', async () => {
    const base = person({ pesel: null, sex: null, birthDate: '1966-06-06', firstName: 'Halyna', lastName: 'Race' });
    // Different emails and logins: only the identity collides, and no unique index covers it.
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        registerPatient(database.db, { ...person(), ...base, email: person().email, login: person().login }, context()),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'registered')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'conflict')).toHaveLength(19);
    const [p] = await database.db.select({ n: count() }).from(patients).where(eq(patients.lastNameKey, 'race'));
    expect(p!.n).toBe(1);
  });

  it('turns a login taken by a simultaneous registration into a field error', async () => {
    const login = person().login;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => registerPatient(database.db, person({ login }), context())));
    expect(outcomes.filter((o) => o.status === 'registered')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'invalid' && 'login' in o.fieldErrors)).toHaveLength(19);
  });

  it('registers 20 different people at once', async () => {
    const before = await database.db.select({ n: count() }).from(webAccounts);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => registerPatient(database.db, person(), context())));
    expect(outcomes.every((o) => o.status === 'registered')).toBe(true);
    const [after] = await database.db.select({ n: count() }).from(webAccounts);
    expect(after!.n - before[0]!.n).toBe(20);
  });
});
