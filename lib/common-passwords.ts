// The common-password check (SPEC §9), server only: the lists are megabytes, so the pure rules
// in lib/password-policy.ts (also run in the browser) take it as a plug-in.
//
// The lists are zxcvbn-ts's: the common passwords of leaks (mostly English) and the Polish
// dictionary (common words, first names, surnames, Wikipedia words), because a Polish patient's
// "Polska123!", "Słoneczko1!" or "Agnieszka2024!" is a first guess of any attacker.
import { dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as polish } from '@zxcvbn-ts/language-pl';

/** Case- and diacritics-insensitive form: "Żółw" and "zolw" are one word. */
export function foldWord(value: string): string {
  return value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
}

let words: Set<string> | undefined;

function commonWords(): Set<string> {
  if (words) return words;
  const lists: readonly (readonly string[])[] = [
    common['passwords-common'],
    polish.commonWords,
    polish.femaleFirstnames,
    polish.maleFirstnames,
    polish.femaleLastnames,
    polish.maleLastnames,
    polish.wikipedia,
  ];
  words = new Set();
  for (const list of lists) for (const word of list) words.add(foldWord(word));
  return words;
}

/**
 * On a list as typed, or once the usual decorations are peeled off: "Password123!" is
 * "password" with a capital, digits and a symbol; "Hasło2024!" is the word "hasło". Case and
 * Polish diacritics do not matter ("Haslo", "HASŁO").
 */
export function isCommonPassword(password: string): boolean {
  const list = commonWords();
  const folded = foldWord(password.normalize('NFC'));
  if (list.has(folded)) return true;
  const base = folded.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '');
  return base.length >= 4 && base !== folded && list.has(base);
}
