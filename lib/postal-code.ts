/** Polish postal code: accepts `NN-NNN` or `NNNNN`, returns `NN-NNN`, or null when invalid. */
export function parsePostalCode(input: string): string | null {
  const m = /^([0-9]{2})-?([0-9]{3})$/.exec(input.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}
