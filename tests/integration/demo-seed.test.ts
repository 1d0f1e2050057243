import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { patients, webAccounts } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { demoPatients, demoStaff, seedDemoData } from '@/lib/demo/seed';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';

describeEachDatabase('the demo seed (npm run db:seed, next dev)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('adds the demo patients, Anna Nowak’s account and the demo staff once', async () => {
    expect(await seedDemoData(database.db)).toBe(true);
    const pesels = (await database.db.select({ pesel: patients.pesel }).from(patients)).map((p) => p.pesel);
    expect(pesels.sort()).toEqual(
      Object.values(demoPatients)
        .map((p) => p.pesel)
        .sort(),
    );
    const [anna] = await database.db.select().from(webAccounts).where(eq(webAccounts.login, 'anna.nowak'));
    expect(anna).toMatchObject({ email: 'anna.nowak@example.pl', status: 'active' });
    for (const staff of demoStaff) {
      expect(await authenticate(database.db, staff.login, staff.password)).toMatchObject({ ok: true, role: staff.role });
    }
    // A database that has patients is left alone: a second run (another instance) adds nothing.
    expect(await seedDemoData(database.db)).toBe(false);
    expect(await database.db.select().from(patients)).toHaveLength(3);
  });
});
