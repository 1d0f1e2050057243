// Phone numbers, the one reading of them for the forms, the import and the SMS channel: parsed
// with libphonenumber-js (default region PL) so that an impossible Polish number is refused, the
// number is stored in E.164, and a mobile is told apart from a landline (only a mobile can take
// the SMS consent, SPEC §18).
//
// The `max` metadata is the only build that classifies numbers: the default (`min`) build checks
// lengths only (it accepts +48 100 000 000 and `getType()` is always undefined), and the `mobile`
// build calls every landline invalid.
import { parsePhoneNumberWithError, ParseError, type NumberType } from 'libphonenumber-js/max';
import { isBrak } from '@/lib/brak';

export type PhoneKind = 'mobile' | 'fixed' | 'other';

export type ParsedPhone = { ok: true; e164: string; kind: PhoneKind; national: string } | { ok: false; reason: 'invalid' | 'not_possible' };

// What a person types: digits, spaces, dashes, parentheses and one leading plus (`(+48) 600…`).
// libphonenumber itself would dig a number out of any text ("tel. 600 123 456 wew. 12", letters
// as keypad digits), which is not what a form field should accept.
const TYPED_NUMBER = /^\(?\+?[0-9][0-9 ()\-]*$/;

/** What the phone field holds: `BRAK` (no phone, any case) or a number. */
export type PhoneField =
  { ok: true; e164: null; kind: null } | { ok: true; e164: string; kind: PhoneKind } | { ok: false; reason: 'invalid' | 'not_possible' };

/** The phone field of a form or an import row: `BRAK` → no phone (null), otherwise {@link parsePhone}. */
export function parsePhoneField(input: string): PhoneField {
  if (isBrak(input)) return { ok: true, e164: null, kind: null };
  const phone = parsePhone(input);
  return phone.ok ? { ok: true, e164: phone.e164, kind: phone.kind } : phone;
}

/** Whether SMS can go to this number: a mobile (or a number whose plan cannot tell). */
export function canTakeSms(phone: { ok: boolean; kind?: PhoneKind | null }): boolean {
  return phone.ok && phone.kind === 'mobile';
}

export function parsePhone(input: string): ParsedPhone {
  const value = input.trim();
  if (!TYPED_NUMBER.test(value)) return { ok: false, reason: 'invalid' };
  try {
    // Parentheses carry no meaning here, and the library does not read `(+48)` as a country code.
    const number = parsePhoneNumberWithError(value.replace(/[()]/g, ''), { defaultCountry: 'PL', extract: false });
    if (!number.isPossible()) return { ok: false, reason: 'not_possible' };
    if (!number.isValid()) return { ok: false, reason: 'invalid' };
    return { ok: true, e164: number.number, kind: kindOf(number.getType()), national: number.formatNational() };
  } catch (error) {
    if (error instanceof ParseError && (error.message === 'TOO_SHORT' || error.message === 'TOO_LONG')) {
      return { ok: false, reason: 'not_possible' };
    }
    if (error instanceof ParseError) return { ok: false, reason: 'invalid' };
    throw error;
  }
}

function kindOf(type: NumberType): PhoneKind {
  switch (type) {
    case 'MOBILE':
      return 'mobile';
    // Where the numbering plan does not separate the two (the USA, Canada, …) we cannot know; such
    // a number may take the SMS consent, and a landline then fails at the provider as a permanent
    // error instead of silently excluding every North American patient.
    case 'FIXED_LINE_OR_MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed';
    default:
      // Toll-free, premium, VoIP, pagers, …: a valid contact number, but not one to text.
      return 'other';
  }
}
