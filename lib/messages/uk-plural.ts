// Ukrainian counted nouns take one of three forms: 1, 21 секунду; 2–4, 22 секунди; 0, 5–20, 25 секунд
// (the CLDR rule for whole numbers, as Intl.PluralRules('uk') selects them).

/** `${n} ${the form of the noun that n takes}`, e.g. count(3, ['годину', 'години', 'годин']) → "3 години". */
export function count(n: number, [one, few, many]: readonly [string, string, string]): string {
  return `${n} ${form(n, one, few, many)}`;
}

/** The form of a noun that `n` takes, without the number. */
export function form(n: number, one: string, few: string, many: string): string {
  const lastTwo = Math.abs(n) % 100;
  const last = lastTwo % 10;
  if (last === 1 && lastTwo !== 11) return one;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return few;
  return many;
}

/** Nouns counted in the catalogue, in the accusative (the case of a duration: "діє 2 години"). */
export const nouns = {
  seconds: ['секунду', 'секунди', 'секунд'],
  minutes: ['хвилину', 'хвилини', 'хвилин'],
  hours: ['годину', 'години', 'годин'],
  characters: ['символ', 'символи', 'символів'],
} as const;
