import { describe, expect, it } from 'vitest';
import { isBrak, peselOrBrak } from '@/lib/brak';
import { parsePhoneField } from '@/lib/phone';
import { validateRegistration } from '@/lib/registration/form';
import { pl } from '@/lib/messages/pl';
import { validForm } from '../helpers/registration';

const SAYS_NONE = ['BRAK', 'brak', ' Brak ', '\tbRaK\n'];
const SAYS_SOMETHING = ['BRAKI', '', ' ', 'BRA K', 'brak.', 'B R A K', '44051401359'];

describe('isBrak', () => {
  it.each(SAYS_NONE)('recognises %j as "none"', (input) => {
    expect(isBrak(input)).toBe(true);
  });

  it.each(SAYS_SOMETHING)('does not recognise %j as "none"', (input) => {
    expect(isBrak(input)).toBe(false);
  });
});

describe('the fields that take BRAK read it the same way', () => {
  it.each(SAYS_NONE)('reads %j in the phone field as no phone', (input) => {
    expect(parsePhoneField(input)).toEqual({ ok: true, e164: null, kind: null });
  });

  it.each(SAYS_NONE)('reads %j in the PESEL field as no PESEL', (pesel) => {
    const result = validateRegistration(validForm({ pesel, birthDate: '1961-02-28' }), new Date('2026-01-01'), pl.register.errors);
    expect(result.ok && result.data.pesel).toBe(null);
  });
});

describe('peselOrBrak', () => {
  it('shows the PESEL, or BRAK with the birth date that stands in for it', () => {
    expect(peselOrBrak({ pesel: '44051401359', birthDate: '1944-05-14' })).toBe('44051401359');
    expect(peselOrBrak({ pesel: null, birthDate: '1961-02-28' })).toBe('BRAK, 1961-02-28');
    expect(peselOrBrak({ pesel: null, birthDate: null })).toBe('BRAK, ');
  });
});
