// Ukrainian counted nouns take one of three forms: 1, 21 секунду; 2–4, 22 секунди; 0, 5–20, 25 секунд
// (lib/messages/plural.ts chooses it by the CLDR rule).
import { pluralForm } from './plural';

/** `${n} ${the form of the noun that n takes}`, e.g. count(3, ['годину', 'години', 'годин']) → "3 години". */
export function count(n: number, [one, few, many]: readonly [string, string, string]): string {
  return `${n} ${form(n, one, few, many)}`;
}

/** The form of a noun that `n` takes, without the number. */
export function form(n: number, one: string, few: string, many: string): string {
  return pluralForm('uk', n, { one, few, many, other: few });
}

/** Nouns counted in the catalogue, in the accusative (the case of a duration: "діє 2 години"). */
export const nouns = {
  seconds: ['секунду', 'секунди', 'секунд'],
  minutes: ['хвилину', 'хвилини', 'хвилин'],
  hours: ['годину', 'години', 'годин'],
  days: ['день', 'дні', 'днів'],
  characters: ['символ', 'символи', 'символів'],
} as const;
