export type PeselError = 'length' | 'digits' | 'checksum' | 'date' | 'future';

export type PeselResult = { ok: true; pesel: string; birthDate: string; sex: 'M' | 'K' } | { ok: false; error: PeselError };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

// Month offset -> first year of the century it encodes.
const CENTURIES: ReadonlyArray<readonly [offset: number, base: number]> = [
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const isoDate = (year: number, month: number, day: number): string => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

// Local calendar date, so "today" matches what the user sees regardless of UTC offset.
const localIsoDate = (d: Date): string => isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST quirks.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function peselCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError('peselCheckDigit expects exactly 10 ASCII digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(first10[i]) * WEIGHTS[i]!;
  return (10 - (sum % 10)) % 10;
}

export function parsePesel(input: string, today: Date = new Date()): PeselResult {
  const pesel = input.trim();
  // Empty input has no foreign characters, so it is reported as a length problem.
  if (!/^\d*$/.test(pesel)) return { ok: false, error: 'digits' };
  if (pesel.length !== 11) return { ok: false, error: 'length' };
  if (peselCheckDigit(pesel.slice(0, 10)) !== Number(pesel[10])) return { ok: false, error: 'checksum' };

  const yy = Number(pesel.slice(0, 2));
  const mm = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const century = CENTURIES.find(([offset]) => mm > offset && mm <= offset + 12);
  if (!century) return { ok: false, error: 'date' };
  const [offset, base] = century;
  const year = base + yy;
  const month = mm - offset;
  if (!isRealDate(year, month, day)) return { ok: false, error: 'date' };

  const birthDate = isoDate(year, month, day);
  // ISO date strings compare correctly as plain strings.
  if (birthDate > localIsoDate(today)) return { ok: false, error: 'future' };

  return { ok: true, pesel, birthDate, sex: Number(pesel[9]) % 2 === 1 ? 'M' : 'K' };
}

export function encodePesel(birthDate: { year: number; month: number; day: number }, serial: number, sexDigit: number): string {
  const { year, month, day } = birthDate;
  const century = CENTURIES.find(([, base]) => year >= base && year < base + 100);
  if (!century) throw new RangeError(`PESEL cannot encode year ${year} (supported: 1800–2299)`);
  if (![year, month, day].every(Number.isInteger) || !isRealDate(year, month, day)) {
    throw new RangeError(`Not a real calendar date: ${isoDate(year, month, day)}`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError('serial must be an integer 0..999');
  if (!Number.isInteger(sexDigit) || sexDigit < 0 || sexDigit > 9) throw new RangeError('sexDigit must be an integer 0..9');

  const [offset, base] = century;
  const first10 = pad(year - base) + pad(month + offset) + pad(day) + pad(serial, 3) + sexDigit;
  return first10 + peselCheckDigit(first10);
}
