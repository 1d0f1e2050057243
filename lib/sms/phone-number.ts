// Phone numbers for the SMS channel: parsed with libphonenumber-js (default region PL) so that an
// impossible Polish number is refused and a mobile is told apart from a landline. `BRAK` (no
// phone) is the caller's business, not this module's.
//
// The `max` metadata is the only build that classifies numbers: the default (`min`) build checks
// lengths only (it accepts +48 100 000 000 and `getType()` is always undefined), and the `mobile`
// build calls every landline invalid.
import { parsePhoneNumberWithError, ParseError, type NumberType } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'fixed' | 'other';

export type ParsedPhone = { ok: true; e164: string; kind: PhoneKind; national: string } | { ok: false; reason: 'invalid' | 'not_possible' };

// What a person types: digits, spaces, dashes, parentheses and one leading plus (`(+48) 600…`).
// libphonenumber itself would dig a number out of any text ("tel. 600 123 456 wew. 12", letters
// as keypad digits), which is not what a form field should accept.
const TYPED_NUMBER = /^\(?\+?[0-9][0-9 ()\-]*$/;

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
