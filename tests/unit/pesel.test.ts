import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodePesel, parsePesel, peselCheckDigit } from '../../lib/pesel';

// Far enough ahead that 2100s and 2200s birth dates are in the past.
const FAR_FUTURE = new Date(2300, 0, 1);
const DAY_MS = 86_400_000;

// Every literal PESEL below had its check digit computed independently (not with lib/pesel).
describe('parsePesel – century encoding', () => {
  it.each([
    ['99923101237', '1899-12-31', '1800s (month + 80)'],
    ['99903100043', '1899-10-31', '1800s (month + 80)'],
    ['44051401359', '1944-05-14', '1900s (month + 0)'],
    ['02270803624', '2002-07-08', '2000s (month + 20)'],
    ['50451500013', '2150-05-15', '2100s (month + 40)'],
    ['25710100026', '2225-11-01', '2200s (month + 60)'],
  ])('decodes %s to %s for the %s', (pesel, birthDate) => {
    expect(parsePesel(pesel, FAR_FUTURE)).toMatchObject({ ok: true, birthDate });
  });
});

describe('parsePesel – known examples', () => {
  it('accepts 44051401359 as a man born 1944-05-14', () => {
    expect(parsePesel('44051401359')).toEqual({ ok: true, pesel: '44051401359', birthDate: '1944-05-14', sex: 'M' });
  });

  it('accepts 02070803628 as a woman born 1902-07-08 (month 07 means the 1900s)', () => {
    expect(parsePesel('02070803628')).toEqual({ ok: true, pesel: '02070803628', birthDate: '1902-07-08', sex: 'K' });
  });

  it('accepts 02270803624 as a woman born 2002-07-08', () => {
    expect(parsePesel('02270803624')).toEqual({ ok: true, pesel: '02270803624', birthDate: '2002-07-08', sex: 'K' });
  });

  it('trims surrounding whitespace and returns the trimmed PESEL', () => {
    expect(parsePesel('  44051401359\n')).toMatchObject({ ok: true, pesel: '44051401359' });
  });
});

describe('parsePesel – calendar validity', () => {
  it('accepts 29 February 2000 because 2000 is a leap year', () => {
    expect(parsePesel('00222900016')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('rejects 29 February 1900 because 1900 is not a leap year', () => {
    expect(parsePesel('00022900010')).toEqual({ ok: false, error: 'date' });
  });

  it('rejects 29 February 2100 because 2100 is not a leap year', () => {
    expect(parsePesel('00422900012', FAR_FUTURE)).toEqual({ ok: false, error: 'date' });
  });

  it('rejects 31 April', () => {
    expect(parsePesel('00043100015')).toEqual({ ok: false, error: 'date' });
  });

  it.each([
    ['00130100010', '13'],
    ['00330100016', '33 (13 in the 2000s)'],
    ['00930100014', '93 (13 in the 1800s)'],
    ['00000100014', '00'],
    ['00200100010', '20 (00 in the 2000s)'],
  ])('rejects %s whose month code %s is not a month', (pesel) => {
    expect(parsePesel(pesel, FAR_FUTURE)).toEqual({ ok: false, error: 'date' });
  });

  it('rejects day 00', () => {
    expect(parsePesel('00010000018')).toEqual({ ok: false, error: 'date' });
  });
});

describe('parsePesel – future birth dates', () => {
  const today = new Date(2020, 0, 1, 23, 59);

  it('rejects a birth date after today with "future"', () => {
    expect(parsePesel('20210200016', today)).toEqual({ ok: false, error: 'future' });
  });

  it('accepts a birth date equal to today', () => {
    expect(parsePesel('20210100019', today)).toMatchObject({ ok: true, birthDate: '2020-01-01' });
  });

  it('rejects a 2100s birth date when today is the real current date', () => {
    expect(parsePesel('50451500013')).toEqual({ ok: false, error: 'future' });
  });
});

describe('parsePesel – malformed input', () => {
  it('rejects a PESEL with a wrong check digit', () => {
    expect(parsePesel('44051401358')).toEqual({ ok: false, error: 'checksum' });
  });

  it('checks the checksum before the date', () => {
    expect(parsePesel('00043100010')).toEqual({ ok: false, error: 'checksum' });
  });

  it.each([
    ['4405140135', '10 digits'],
    ['440514013590', '12 digits'],
    ['', 'an empty string'],
    ['   ', 'only whitespace'],
  ])('rejects %j (%s) with "length"', (input) => {
    expect(parsePesel(input)).toEqual({ ok: false, error: 'length' });
  });

  it.each([
    ['4405140135A', 'a letter'],
    ['abcdefghijk', 'only letters'],
    ['440514 01359', 'a space inside'],
    ['44-05-14-01359', 'dashes'],
    ['4405140135١', 'an Arabic-Indic digit'],
    ['4405140135９', 'a full-width digit'],
    ['+4405140135', 'a sign'],
  ])('rejects %j (%s) with "digits"', (input) => {
    expect(parsePesel(input)).toEqual({ ok: false, error: 'digits' });
  });
});

describe('parsePesel – sex', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('decodes sex digit %i as M when odd and K when even', (digit) => {
    const result = parsePesel(encodePesel({ year: 1990, month: 6, day: 15 }, 123, digit));
    expect(result).toMatchObject({ ok: true, sex: digit % 2 === 1 ? 'M' : 'K' });
  });
});

describe('peselCheckDigit', () => {
  it('computes the check digit of known PESELs', () => {
    expect(peselCheckDigit('4405140135')).toBe(9);
    expect(peselCheckDigit('0207080362')).toBe(8);
    expect(peselCheckDigit('0001010000')).toBe(8);
  });

  it('returns 0 when the weighted sum is a multiple of 10', () => {
    expect(peselCheckDigit('0000000000')).toBe(0);
  });

  it.each(['123456789', '12345678901', '123456789a'])('throws for %j, which is not ten digits', (input) => {
    expect(() => peselCheckDigit(input)).toThrow(RangeError);
  });
});

describe('encodePesel', () => {
  it('builds the known PESEL 44051401359', () => {
    expect(encodePesel({ year: 1944, month: 5, day: 14 }, 13, 5)).toBe('44051401359');
  });

  it.each([1799, 2300])('refuses year %i, which PESEL cannot encode', (year) => {
    expect(() => encodePesel({ year, month: 1, day: 1 }, 0, 0)).toThrow(RangeError);
  });

  it.each([
    { year: 1900, month: 2, day: 29 },
    { year: 2001, month: 4, day: 31 },
    { year: 2001, month: 13, day: 1 },
    { year: 2001, month: 1, day: 0 },
  ])('refuses the impossible date $year-$month-$day', (date) => {
    expect(() => encodePesel(date, 0, 0)).toThrow(RangeError);
  });

  it.each([
    [-1, 0],
    [1000, 0],
    [0, 10],
    [0, -1],
    [1.5, 0],
  ])('refuses serial %d with sex digit %d', (serial, sexDigit) => {
    expect(() => encodePesel({ year: 2001, month: 1, day: 1 }, serial, sexDigit)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const today = new Date();
  const toDayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;

  // Day numbers keep every generated date real and never after today's local date.
  const pastDate = fc
    .integer({ min: toDayNumber(1800, 1, 1), max: toDayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate()) })
    .map((n) => {
      const d = new Date(n * DAY_MS);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    });
  const serial = fc.integer({ min: 0, max: 999 });
  const sexDigit = fc.integer({ min: 0, max: 9 });
  const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  it('accepts every PESEL encoded from a past date, decoding its birth date and sex', () => {
    fc.assert(
      fc.property(pastDate, serial, sexDigit, (date, s, sex) => {
        const pesel = encodePesel(date, s, sex);
        expect(parsePesel(pesel, today)).toEqual({
          ok: true,
          pesel,
          birthDate: iso(date),
          sex: sex % 2 === 1 ? 'M' : 'K',
        });
      }),
      { numRuns: 1000 },
    );
  });

  // Changing digit i by delta shifts the weighted sum by weight*delta; with weights 1, 3, 7, 9
  // (all coprime with 10) that is never 0 mod 10, and changing the check digit itself breaks equality.
  it('has no weight that lets a single-digit change keep the sum mod 10', () => {
    for (const weight of [1, 3, 7, 9]) {
      for (let delta = 1; delta <= 9; delta++) expect((weight * delta) % 10).not.toBe(0);
    }
  });

  it('rejects every single-digit change to a valid PESEL with "checksum"', () => {
    fc.assert(
      fc.property(
        pastDate,
        serial,
        sexDigit,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (date, s, sex, position, delta) => {
          const pesel = encodePesel(date, s, sex);
          const changed = (Number(pesel[position]) + delta) % 10;
          const mutated = pesel.slice(0, position) + changed + pesel.slice(position + 1);
          expect(mutated).not.toBe(pesel);
          expect(parsePesel(mutated, FAR_FUTURE)).toEqual({ ok: false, error: 'checksum' });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects all 99 single-digit changes of 44051401359', () => {
    const pesel = '44051401359';
    for (let position = 0; position < 11; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === pesel[position]) continue;
        const mutated = pesel.slice(0, position) + digit + pesel.slice(position + 1);
        expect(parsePesel(mutated, FAR_FUTURE).ok).toBe(false);
      }
    }
  });
});
