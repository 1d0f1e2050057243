// Text normalisation shared by validation and identity matching.

// Bidirectional embedding, override and isolate controls (LRE…RLO, LRI…PDI): in a name or a
// reason they reorder the text around them on the desk's pages and in the CSV.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Free text as it is kept (a block reason, a staff member's or an imported patient's name):
 * without bidirectional controls. Fields with rules of their own (the registration form's names
 * and address) refuse them instead, as they refuse any other character they do not expect.
 */
export function withoutBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Whether a value holds NUL, which no request may carry into the system (proxy.ts refuses it). */
export const hasNul = (value: string): boolean => value.includes('\u0000');

/** Trims, collapses inner whitespace and applies Unicode NFC. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

// Letters that NFD does not decompose into a base letter and a mark.
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/**
 * The key two spellings of one name share: case-folded, diacritics removed, apostrophes and
 * hyphens treated as spaces ("Żółć-Kowalska" ~ "zolc kowalska").
 */
export function nameKey(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœ]/gu, (c) => FOLD[c] ?? c)
    .replace(/['’\-]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * A name as people write it, from one written in capitals or (as login.gov.pl's integration
 * environment answers) in lower case: each part after a space, hyphen or apostrophe capitalised.
 */
export function nameAsWritten(value: string): string {
  return cleanText(value)
    .toLocaleLowerCase('pl')
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('pl'));
}
