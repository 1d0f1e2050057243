// Phone numbers as the form accepts them, stored as E.164.

export type PhoneResult = { ok: true; e164: string | null } | { ok: false };

/** `BRAK` (no phone) → null; Polish 9 digits with optional +48/0048; foreign numbers as +CC…. */
export function parsePhone(input: string): PhoneResult {
  const value = input.trim();
  if (/^brak$/i.test(value)) return { ok: true, e164: null };
  if (!/^(\+|00)?[0-9][0-9 \-]*$/.test(value)) return { ok: false };
  const compact = value.replace(/[ \-]/g, '').replace(/^00/, '+');
  const polish = /^(?:\+48)?([1-9][0-9]{8})$/.exec(compact);
  if (polish) return { ok: true, e164: `+48${polish[1]}` };
  // E.164: country code without a leading zero, at most 15 digits in all.
  if (/^\+[1-9][0-9]{6,14}$/.test(compact) && !compact.startsWith('+48')) {
    return { ok: true, e164: compact };
  }
  return { ok: false };
}
