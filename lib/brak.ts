// "BRAK" ("none"): what a person types in the PESEL or the phone field when they have none. One
// reading for the registration form (server and browser), the settings and the register import.

/** Whether the field says "none": `BRAK` in any case, with any white space around it. */
export function isBrak(input: string): boolean {
  return input.trim().toUpperCase() === 'BRAK';
}
