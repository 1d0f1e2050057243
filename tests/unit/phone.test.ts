import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePhone } from '@/lib/phone';

describe('parsePhone – no phone', () => {
  it.each(['BRAK', 'brak', 'Brak', 'bRaK', '  BRAK\t'])('accepts %j as "no phone" (null)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164: null });
  });

  it.each(['BRAKI', 'BR AK', 'brak.', 'nie mam'])('does not treat %j as "no phone"', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });
});

describe('parsePhone – Polish numbers', () => {
  it.each([
    '600100200',
    '600 100 200',
    '600-100-200',
    '60 01 00 200',
    '+48600100200',
    '+48 600 100 200',
    '+48-600-100-200',
    '+48 600100200',
    '0048600100200',
    '0048 600 100 200',
    '00 48 600 100 200',
    '  600 100 200  ',
  ])('stores %j as +48600100200', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164: '+48600100200' });
  });

  it('accepts a landline number with an area code (81 752 60 00)', () => {
    expect(parsePhone('81 752 60 00')).toEqual({ ok: true, e164: '+48817526000' });
  });

  it.each([
    ['60010020', '8 digits'],
    ['6001002001', '10 digits'],
    ['+4860010020', '+48 with 8 digits'],
    ['+48 600 100 20', '+48 with 8 digits and spaces'],
    ['+486001002001', '+48 with 10 digits'],
    ['004860010020', '0048 with 8 digits'],
    ['060010020', 'a leading zero'],
    ['+48 060 010 020', '+48 and a leading zero'],
    ['48600100200', '48 without a plus'],
  ])('rejects %j (%s)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });
});

describe('parsePhone – foreign numbers', () => {
  it.each([
    ['+380501234567', '+380501234567'],
    ['+380 50 123 45 67', '+380501234567'],
    ['+380-50-123-45-67', '+380501234567'],
    ['00380501234567', '+380501234567'],
    ['+1 202 555 0123', '+12025550123'],
    ['+49 30 1234567', '+49301234567'],
    ['+1234567', '+1234567'],
    ['+123456789012345', '+123456789012345'],
  ])('stores %j as %s', (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['+123456', 'too short (6 digits)'],
    ['+1234567890123456', 'too long (16 digits)'],
    ['+0123456789', 'a country code starting with 0'],
    ['++380501234567', 'two plus signs'],
    ['+ 380501234567', 'a space after the plus'],
    ['380501234567', 'no plus and no 00'],
  ])('rejects %j (%s)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });
});

describe('parsePhone – not a number', () => {
  it.each([
    ['', 'an empty string'],
    ['   ', 'only spaces'],
    ['abc', 'letters'],
    ['600 100 2OO', 'letter O instead of zero'],
    ['600100200a', 'a trailing letter'],
    ['12345', 'too short'],
    ['+', 'a lone plus'],
    ['+48', 'only the country code'],
    ['(600) 100 200', 'parentheses'],
    ['600.100.200', 'dots'],
    ['600/100/200', 'slashes'],
    ['-600100200', 'a leading dash'],
    ['600100200 wew. 12', 'an extension'],
    ['６００１００２００', 'full-width digits'],
    ['٦٠٠١٠٠٢٠٠', 'Arabic-Indic digits'],
    ['600100200\n600100201', 'two numbers on two lines'],
  ])('rejects %j (%s)', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false });
  });
});

describe('parsePhone – properties', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const separator = fc.constantFrom('', ' ', '-');
  const prefix = fc.constantFrom('', '+48', '+48 ', '0048', '0048 ', '0048-');

  it('stores any Polish 9-digit number, with any prefix and separators, as +48 and its digits', () => {
    fc.assert(
      fc.property(
        prefix,
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(separator, digit), { minLength: 8, maxLength: 8 }),
        (pre, first, rest) => {
          const digits = `${first}${rest.map(([, d]) => d).join('')}`;
          const typed = `${pre}${first}${rest.map(([s, d]) => s + d).join('')}`;
          expect(parsePhone(typed)).toEqual({ ok: true, e164: `+48${digits}` });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws and only ever returns E.164 numbers, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 -]{0,20}$/)), (input) => {
        const result = parsePhone(input);
        if (result.ok && result.e164 !== null) expect(result.e164).toMatch(/^\+[1-9][0-9]{6,14}$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: parsing a stored number gives the same number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\+|00)?[0-9][0-9 -]{5,16}$/), (input) => {
        const result = parsePhone(input);
        if (result.ok && result.e164 !== null) expect(parsePhone(result.e164)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });
});
