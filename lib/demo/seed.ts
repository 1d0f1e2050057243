// Demo data: patients that let a newcomer try the attach and conflict paths, and the demo staff
// with their passwords. Loaded only by `npm run db:seed` (scripts/seed.ts) and by `next dev`
// (lib/startup.ts): a production build must not carry these passwords (tests/unit/demo-seed-bundle.test.ts).
import { count, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { patients, staffAccounts, webAccounts } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { nameKey } from '@/lib/text';

type NewPatient = typeof patients.$inferInsert;

const person = (p: Omit<NewPatient, 'firstNameKey' | 'lastNameKey' | 'source'>): NewPatient => ({
  ...p,
  firstNameKey: nameKey(p.firstName),
  lastNameKey: nameKey(p.lastName),
  source: 'demo',
});

export const demoPatients = {
  /** In the register without a web account: registering with this PESEL and name attaches. */
  attachable: person({
    pesel: '80031212355',
    firstName: 'Jan',
    lastName: 'Kowalski',
    birthDate: '1980-03-12',
    sex: 'M',
    street: 'Lubelska',
    houseNumber: '10',
    postalCode: '21-010',
    city: 'Łęczna',
  }),
  /** Already has a web account: registering with this PESEL (or the email) is a conflict. */
  withAccount: person({
    pesel: '75110245621',
    firstName: 'Anna',
    lastName: 'Nowak',
    birthDate: '1975-11-02',
    sex: 'K',
    houseNumber: '3',
    postalCode: '21-010',
    city: 'Łęczna',
    email: 'anna.nowak@example.pl',
  }),
  /** No PESEL: registering as BRAK with this name and birth date needs the desk. */
  withoutPesel: person({
    pesel: null,
    firstName: 'Olena',
    lastName: 'Shevchenko',
    birthDate: '1990-07-21',
    sex: 'K',
    houseNumber: '7',
    flatNumber: '2',
    postalCode: '21-010',
    city: 'Łęczna',
  }),
};

/** Demo staff for trying the desk's side; only ever created by the demo seed (DEMO_SEED). */
export const demoStaff = [
  { login: 'rejestracja', name: 'Demo Rejestratorka', role: 'registrar' as const, password: 'Rejestracja#2026' },
  { login: 'administrator', name: 'Demo Administrator', role: 'admin' as const, password: 'Administrator#2026' },
];

/** Inserts the demo data once; a database that already has patients is left alone. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Instances starting together seed once: the second waits here, then finds the data.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(patients);
    if (n > 0) return false;
    const rows = await tx.insert(patients).values(Object.values(demoPatients)).returning({ id: patients.id, pesel: patients.pesel });
    const anna = rows.find((r) => r.pesel === demoPatients.withAccount.pesel)!;
    await tx.insert(webAccounts).values({
      patientId: anna.id,
      login: 'anna.nowak',
      email: 'anna.nowak@example.pl',
      status: 'active',
      patientAttached: 1,
      submitted: { firstName: 'Anna', lastName: 'Nowak', pesel: demoPatients.withAccount.pesel ?? null },
    });
    for (const staff of demoStaff) {
      await tx
        .insert(staffAccounts)
        .values({ login: staff.login, name: staff.name, role: staff.role, passwordHash: await hashPassword(staff.password) });
    }
    return true;
  });
}
