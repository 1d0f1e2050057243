import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parsePostalCode } from '@/lib/postal-code';

describe('parsePostalCode', () => {
  it.each([
    ['21-010', '21-010'],
    ['21010', '21-010'],
    ['00-950', '00-950'],
    ['00950', '00-950'],
    ['99-999', '99-999'],
    [' 21-010 ', '21-010'],
    ['\t21010\n', '21-010'],
  ])('accepts %j and returns %s', (input, expected) => {
    expect(parsePostalCode(input)).toBe(expected);
  });

  it.each([
    ['', 'an empty string'],
    ['   ', 'only spaces'],
    ['21 010', 'a space instead of the dash'],
    ['21–010', 'an en dash'],
    ['21_010', 'an underscore'],
    ['2101', 'four digits'],
    ['210100', 'six digits'],
    ['21-01', 'too few digits after the dash'],
    ['21-0100', 'too many digits after the dash'],
    ['2-1010', 'the dash in the wrong place'],
    ['210-10', 'the dash in the wrong place'],
    ['21--010', 'two dashes'],
    ['ab-cde', 'letters'],
    ['21-01O', 'the letter O'],
    ['２１-０１０', 'full-width digits'],
    ['21-010 Łęczna', 'a city after the code'],
    ['-21010', 'a leading dash'],
  ])('rejects %j (%s)', (input) => {
    expect(parsePostalCode(input)).toBeNull();
  });

  it('returns the same NN-NNN code for any five digits, typed with or without the dash', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5}$/), (digits) => {
        const expected = `${digits.slice(0, 2)}-${digits.slice(2)}`;
        expect(parsePostalCode(digits)).toBe(expected);
        expect(parsePostalCode(expected)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('only ever returns null or a code in the NN-NNN format', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 -]{0,8}$/)), (input) => {
        const result = parsePostalCode(input);
        if (result !== null) expect(result).toMatch(/^[0-9]{2}-[0-9]{3}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
