// Test people for every suite: unique PESELs, birth dates, suffixes for logins and addresses,
// surnames and passwords, and a complete registrant as typed into the form. Integration tests
// (tests/helpers/registration.ts builds the use case's input from these) and end-to-end tests
// (tests/e2e) draw from here, so tests run in parallel and repeatedly against one database.
// Pure: no database, no browser, no environment.
import { randomBytes, randomInt } from 'node:crypto';
import { encodePesel } from '@/lib/pesel';

const pad = (n: number) => String(n).padStart(2, '0');

export function randomBirthDate(): { year: number; month: number; day: number; iso: string } {
  const year = randomInt(1930, 2006);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  return { year, month, day, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** A valid PESEL that no other test uses (with overwhelming probability), and its birth date. */
export function uniquePesel(): { pesel: string; birthDate: string } {
  const d = randomBirthDate();
  return { pesel: encodePesel(d, randomInt(0, 1000), randomInt(0, 10)), birthDate: d.iso };
}

/** The same PESEL with a wrong check digit. */
export function withBadChecksum(pesel: string): string {
  return pesel.slice(0, 10) + String((Number(pesel[10]) + 1) % 10);
}

let calls = 0;

/**
 * 15+ lowercase letters and digits, different on every call: the time, random bytes (other
 * processes) and a count (this process). Keeps logins built on it within 32 characters.
 */
export function uniqueSuffix(): string {
  calls += 1;
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}${calls.toString(36)}`;
}

/** Random letters, for surnames that no other test (or run) uses. */
function letters(n: number): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: n }, () => abc[randomInt(abc.length)]).join('');
}

/** A double-barrelled surname no other test uses: `Testowa-Xxxxxxxxxx`. */
export function uniqueSurname(): string {
  return `Testowa-${letters(1).toUpperCase()}${letters(9)}`;
}

/** A password the `strong` policy accepts, different on every call. */
export function strongPassword(): string {
  return `Sosna#${randomBytes(4).toString('hex')}Kz7`;
}

/** A registrant as typed into the form: every field a string, `BRAK` where there is no PESEL or phone. */
export interface Person {
  pesel: string; // 11 digits, or BRAK
  birthDate: string; // YYYY-MM-DD; typed only when pesel is BRAK (or the field is shown without JS)
  firstName: string;
  lastName: string;
  login: string;
  email: string;
  phone: string;
  street: string;
  houseNumber: string;
  flatNumber: string;
  postalCode: string;
  city: string;
}

/** The phone and address of every made-up registrant (tests and benchmarks): valid, and the hospital's own rather than anyone's home. */
export const sampleContact = {
  phone: '600 100 200',
  street: 'Krasnystawska',
  houseNumber: '52',
  flatNumber: '',
  postalCode: '21-010',
  city: 'Łęczna',
} satisfies Partial<Person>;

/** A complete, valid registrant with a unique PESEL, login, email and surname. */
export function newPerson(overrides: Partial<Person> = {}): Person {
  const { pesel, birthDate } = uniquePesel();
  const suffix = uniqueSuffix();
  return {
    pesel,
    birthDate,
    firstName: 'Zofia',
    lastName: uniqueSurname(),
    login: `e2e.${suffix}`, // 4 + 15..17 characters: within 8–32
    email: `e2e.${suffix}@example.pl`,
    ...sampleContact,
    ...overrides,
  };
}
