// Text normalisation shared by validation and identity matching.

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
