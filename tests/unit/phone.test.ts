import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canTakeSms, parsePhone, parsePhoneField } from '@/lib/phone';

describe('parsePhone – Polish mobiles', () => {
  it.each([
    '600 123 456',
    '600123456',
    '600-123-456',
    '+48600123456',
    '+48 600 123 456',
    '0048 600-123-456',
    '0048600123456',
    '00 48 600 123 456',
    '(+48) 600123456',
    '(+48)600-123-456',
    '(0048) 600 123 456',
    '  600 123 456\t',
  ])('reads %j as the mobile +48600123456', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164: '+48600123456', kind: 'mobile', national: '600 123 456' });
  });

  it('reads a number typed with the country code but without the plus (48 600 123 456)', () => {
    expect(parsePhone('48 600 123 456')).toMatchObject({ ok: true, e164: '+48600123456' });
  });
});

describe('parsePhone – Polish landlines and other numbers', () => {
  it.each(['81 531 51 00', '(81) 531 51 00', '+48 81 531 51 00', '0048815315100'])('reads %j as the landline +48815315100', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164: '+48815315100', kind: 'fixed', national: '81 531 51 00' });
  });

  it('reads a toll-free number as valid but neither mobile nor fixed', () => {
    expect(parsePhone('800 123 456')).toEqual({ ok: true, e164: '+48800123456', kind: 'other', national: '800 123 456' });
  });
});

describe('parsePhone – foreign numbers', () => {
  it.each([
    ['+49 151 23456789', '+4915123456789', 'a German mobile'],
    ['0049 151 23456789', '+4915123456789', 'a German mobile with 00'],
    ['+380 50 123 4567', '+380501234567', 'a Ukrainian mobile'],
    ['+380-50-123-45-67', '+380501234567', 'a Ukrainian mobile with dashes'],
    ['+44 7400 123456', '+447400123456', 'a British mobile'],
  ])('reads %j as the mobile %s (%s)', (input, e164) => {
    expect(parsePhone(input)).toMatchObject({ ok: true, e164, kind: 'mobile' });
  });

  it('reads a German landline as fixed', () => {
    expect(parsePhone('+49 30 12345678')).toMatchObject({ ok: true, e164: '+493012345678', kind: 'fixed' });
  });

  it('gives a foreign number its national spelling', () => {
    expect(parsePhone('+380501234567')).toMatchObject({ national: '050 123 4567' });
  });

  it('counts a North American number, whose plan does not tell mobiles apart, as mobile', () => {
    expect(parsePhone('+1 202 555 0123')).toMatchObject({ ok: true, e164: '+12025550123', kind: 'mobile' });
  });
});

describe('parsePhone – refused', () => {
  it.each([
    ['+48 100 000 000', 'a Polish range that is not assigned'],
    ['+48 000 123 456', 'a Polish number starting with 0'],
    ['0 600 123 456', 'a trunk zero, which Poland does not use'],
    ['60012345', '8 digits'],
    ['6001234567', '10 digits'],
    ['+49 151 234', 'a German mobile too short'],
    ['600 100 2OO', 'letter O instead of zero'],
    ['abc', 'letters'],
    ['600123456a', 'a trailing letter'],
    ['tel. 600 123 456', 'a number inside text'],
    ['600 123 456 wew. 12', 'an extension'],
    ['600.123.456', 'dots'],
    ['600/123/456', 'slashes'],
    ['++48600123456', 'two plus signs'],
    ['+(48) 600123456', 'a plus outside the parentheses'],
    ['６００１２３４５６', 'full-width digits'],
    ['600123456\n600123457', 'two numbers on two lines'],
    ['', 'an empty string'],
    ['   ', 'only spaces'],
    ['BRAK', '"no phone", which callers handle'],
  ])('refuses %j (%s) as invalid', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'invalid' });
  });

  it.each([
    ['+48', 'only the country code'],
    ['12345', 'too short for any Polish number'],
    ['+123456', 'too short for any country'],
    ['+48 600 123 456 789 012', 'too long'],
    ['+4860012345678901234', 'more digits than E.164 allows'],
  ])('refuses %j (%s) as not possible', (input) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason: 'not_possible' });
  });
});

describe('parsePhone – properties', () => {
  const typed = fc.oneof(
    fc.stringMatching(/^(\+48 ?|0048 ?|\(\+48\) )?[1-9][0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{3}$/),
    fc.stringMatching(/^(\+|00)?[0-9][0-9 -]{5,16}$/),
    fc.stringMatching(/^\+(48|49|380|44|1) ?[1-9][0-9 ]{6,12}$/),
    fc.string(),
  );

  it('stores an accepted number in E.164, and re-reading it gives the same answer', () => {
    let accepted = 0;
    fc.assert(
      fc.property(typed, (input) => {
        const result = parsePhone(input);
        if (!result.ok) return;
        accepted += 1;
        expect(result.e164).toMatch(/^\+[1-9][0-9]{6,14}$/);
        expect(parsePhone(result.e164)).toEqual(result);
      }),
      { numRuns: 3000 },
    );
    // The property says nothing unless the generator reaches real numbers often enough.
    expect(accepted).toBeGreaterThan(300); // about 600 in practice
  });

  it('reads a Polish mobile the same with any prefix and separators', () => {
    const separator = fc.constantFrom('', ' ', '-');
    const prefix = fc.constantFrom('', '+48', '+48 ', '0048', '0048 ', '(+48) ', '(0048) ');
    fc.assert(
      fc.property(prefix, fc.array(separator, { minLength: 8, maxLength: 8 }), (pre, separators) => {
        const digits = '512345678';
        const input = pre + [...digits].map((d, i) => (i === 0 ? d : separators[i - 1] + d)).join('');
        expect(parsePhone(input)).toEqual({ ok: true, e164: '+48512345678', kind: 'mobile', national: '512 345 678' });
      }),
    );
  });
});

describe('parsePhoneField – the form field and the import', () => {
  it.each(['BRAK', 'brak', 'Brak', 'bRaK', '  BRAK\t'])('reads %j as "no phone" (null)', (input) => {
    expect(parsePhoneField(input)).toEqual({ ok: true, e164: null, kind: null });
  });

  it.each(['BRAKI', 'BR AK', 'brak.', 'nie mam', ''])('does not read %j as "no phone"', (input) => {
    expect(parsePhoneField(input).ok).toBe(false);
  });

  it('reads a number as parsePhone does, without its national spelling', () => {
    expect(parsePhoneField('0048 600 123 456')).toEqual({ ok: true, e164: '+48600123456', kind: 'mobile' });
    expect(parsePhoneField('81 531 51 00')).toEqual({ ok: true, e164: '+48815315100', kind: 'fixed' });
    expect(parsePhoneField('+48 100 000 000')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('canTakeSms', () => {
  it.each([
    ['600 123 456', true, 'a Polish mobile'],
    ['+49 151 23456789', true, 'a German mobile'],
    ['+1 202 555 0123', true, 'a North American number'],
    ['81 531 51 00', false, 'a Polish landline'],
    ['+49 30 12345678', false, 'a German landline'],
    ['800 123 456', false, 'a toll-free number'],
    ['BRAK', false, 'no phone'],
    ['600 100 2OO', false, 'not a number'],
  ])('%j → %s (%s)', (input, expected) => {
    expect(canTakeSms(parsePhoneField(input))).toBe(expected);
  });
});
