// Loads the hospital's patient register from CSV (SPEC §12) so registrations can attach to it.
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { patients } from '@/db/schema';
import { checkBirthDate, NAME_PATTERN } from '@/lib/registration/form';
import { isBrak } from '@/lib/brak';
import { parsePesel } from '@/lib/pesel';
import { parsePhoneField } from '@/lib/phone';
import { parsePostalCode } from '@/lib/postal-code';
import { cleanText, nameKey } from '@/lib/text';
import { pl } from '@/lib/messages/pl';

export const IMPORT_COLUMNS = [
  'pesel',
  'first_name',
  'last_name',
  'birth_date',
  'street',
  'house_number',
  'flat_number',
  'postal_code',
  'city',
  'phone',
  'email',
] as const;

export interface ImportReport {
  inserted: number;
  /** Rows whose PESEL is already in the register (left unchanged). */
  skipped: number;
  /** Rows refused, with their line number in the file and the reason; never their content. */
  rejected: Array<{ line: number; reason: string }>;
}

type Row = Record<(typeof IMPORT_COLUMNS)[number], string>;
type NewPatient = typeof patients.$inferInsert;

function toPatient(row: Row): NewPatient | string {
  const value = (k: keyof Row) => cleanText(row[k] ?? '');
  const firstName = value('first_name');
  const lastName = value('last_name');
  if (!NAME_PATTERN.test(firstName) || firstName.length > 50) return 'first_name';
  if (!NAME_PATTERN.test(lastName) || lastName.length > 80) return 'last_name';
  let pesel: string | null = null;
  let birthDate = value('birth_date');
  let sex: 'M' | 'K' | null = null;
  if (value('pesel') !== '' && !isBrak(value('pesel'))) {
    const parsed = parsePesel(value('pesel'));
    if (!parsed.ok) return `pesel (${parsed.error})`;
    if (birthDate !== '' && birthDate !== parsed.birthDate) return 'birth_date (differs from PESEL)';
    ({ pesel, birthDate, sex } = parsed);
  } else if (checkBirthDate(birthDate, new Date(), pl.register.errors)) {
    return 'birth_date';
  }
  const postal = value('postal_code') === '' ? null : parsePostalCode(value('postal_code'));
  if (postal === null && value('postal_code') !== '') return 'postal_code';
  const phone = value('phone') === '' ? { ok: true as const, e164: null } : parsePhoneField(value('phone'));
  if (!phone.ok) return 'phone';
  const email = value('email');
  if (email !== '' && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) return 'email';
  const optional = (k: keyof Row) => (value(k) === '' ? null : value(k));
  return {
    pesel,
    firstName,
    lastName,
    firstNameKey: nameKey(firstName),
    lastNameKey: nameKey(lastName),
    birthDate,
    sex,
    street: optional('street'),
    houseNumber: optional('house_number'),
    flatNumber: optional('flat_number'),
    postalCode: postal,
    city: optional('city'),
    phone: phone.e164,
    email: email === '' ? null : email,
    source: 'import',
  };
}

export async function importPatients(db: Db, csv: string): Promise<ImportReport> {
  const records = parse<{ record: Row; info: { lines: number } }>(csv, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    info: true,
    relax_column_count: false,
  });
  const header = Object.keys(records[0]?.record ?? {});
  const missing = IMPORT_COLUMNS.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0) throw new Error(`CSV header lacks: ${missing.join(', ')}`);

  const report: ImportReport = { inserted: 0, skipped: 0, rejected: [] };
  const valid: NewPatient[] = [];
  for (const { record, info } of records) {
    const result = toPatient(record);
    if (typeof result === 'string') report.rejected.push({ line: info.lines, reason: result });
    else valid.push(result);
  }
  // One transaction: a failed import leaves the register as it was.
  await db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += 500) {
      const batch = valid.slice(i, i + 500);
      const inserted = await tx
        .insert(patients)
        .values(batch)
        .onConflictDoNothing({ target: patients.pesel })
        .returning({ id: patients.id });
      report.inserted += inserted.length;
      report.skipped += batch.length - inserted.length;
    }
    await tx.execute(sql`analyze patients`);
  });
  return report;
}
