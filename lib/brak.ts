// "BRAK" ("none"): what a person types in the PESEL or the phone field when they have none. One
// reading for the registration form (server and browser), the settings and the register import,
// and one way the desk's lists show a person without a PESEL.

/** Whether the field says "none": `BRAK` in any case, with any white space around it. */
export function isBrak(input: string): boolean {
  return input.trim().toUpperCase() === 'BRAK';
}

/** The desk's lists: the PESEL, or `BRAK` with the birth date that identifies the person instead. */
export function peselOrBrak(person: { pesel: string | null; birthDate: string | null }): string {
  return person.pesel ?? `BRAK, ${person.birthDate ?? ''}`;
}
