import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients } from '@/db/schema';
import { importPatients } from '@/lib/patients/import-patients';
import { registerPatient } from '@/lib/registration/register-patient';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';

const HEADER = 'pesel,first_name,last_name,birth_date,street,house_number,flat_number,postal_code,city,phone,email';

describeEachDatabase('importPatients', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('imports valid rows, skips known PESELs and reports bad lines without their content', async () => {
    const csv = [
      HEADER,
      '44051401359,Stanisław,Wiśniewski,,Lubelska,5,,21010,Łęczna,600 100 200,',
      'BRAK,Olha,Melnyk,1988-04-12,,7,2,21-010,Łęczna,,olha@example.pl',
      '44051401358,Zły,Pesel,,,1,,21-010,Łęczna,,',
      ',Bez,Daty,,,1,,21-010,Łęczna,,',
      '44051401359,Stanisław,Wiśniewski,,Lubelska,5,,21010,Łęczna,,',
    ].join('\n');
    const report = await importPatients(database.db, csv);
    expect(report.inserted).toBe(2);
    expect(report.skipped).toBe(1);
    expect(report.rejected).toEqual([
      { line: 4, reason: 'pesel (checksum)' },
      { line: 5, reason: 'birth_date' },
    ]);
    const [row] = await database.db.select().from(patients).where(eq(patients.pesel, '44051401359'));
    expect(row).toMatchObject({ birthDate: '1944-05-14', sex: 'M', postalCode: '21-010', phone: '+48600100200', source: 'import' });
  });

  it('lets a patient from the register attach their web account', async () => {
    await importPatients(database.db, `${HEADER}\n02270803624,Maja,Kowalczyk,,,3,,21-010,Łęczna,,\n`);
    const outcome = await registerPatient(
      database.db,
      person({ pesel: '02270803624', firstName: 'Maja', lastName: 'Kowalczyk' }),
      context(),
    );
    expect(outcome).toMatchObject({ status: 'registered', attached: true });
  });

  it('refuses a file without the required header', async () => {
    await expect(importPatients(database.db, 'pesel,name\n44051401359,Jan\n')).rejects.toThrow(/header/);
  });
});

describe('npm run patients:import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'erej-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a file into the embedded database and says how many rows it took', () => {
    const file = path.join(dir, 'patients.csv');
    writeFileSync(file, `${HEADER}\n44051401359,Stanisław,Wiśniewski,,,5,,21-010,Łęczna,,\n`);
    const out = execFileSync('npm', ['run', '--silent', 'patients:import', '--', file], {
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(dir, 'pglite'), NODE_ENV: 'development' },
      encoding: 'utf8',
    });
    expect(out).toContain('Imported 1 patients');
    expect(out).not.toContain('44051401359');
  });
});
