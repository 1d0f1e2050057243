// Which of the passkey section's words go to the browser: the manager's own, never those with a
// key's name in them (the server makes those, and the actions).
import type { Catalogue } from '@/lib/messages/catalogue';

/** The patient's words (selfService.settings.passkeys) or the staff's (pl.admin.passkeys), of one shape. */
export type PasskeyWords = Catalogue['selfService']['settings']['passkeys'];

const managerWordKeys = [
  'listTitle',
  'empty',
  'addedAt',
  'lastUsedAt',
  'remove',
  'addTitle',
  'name',
  'nameHint',
  'add',
  'working',
  'needsBrowser',
  'cancelled',
  'alreadyHere',
  'failed',
] as const satisfies ReadonlyArray<keyof PasskeyWords>;

/** The words the browser needs (the rest, with the key's name in them, come from the server). */
export type PasskeyManagerWords = Record<(typeof managerWordKeys)[number], string>;

export const managerWords = (t: PasskeyWords): PasskeyManagerWords =>
  Object.fromEntries(managerWordKeys.map((key) => [key, t[key]])) as PasskeyManagerWords;
