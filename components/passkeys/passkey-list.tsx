// The passkeys section of the patient's settings and of the staff's /admin/mfa, on the server: what a
// passkey is, the owner's keys with dates in the reader's language, and the manager that adds and
// removes them. The page reads the keys (listPasskeys) and brings the words of its audience.
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/format';
import type { Catalogue } from '@/lib/messages/catalogue';
import type { PasskeySummary } from '@/lib/webauthn';
import { PasskeyManager, type PasskeyItem, type PasskeyManagerWords } from './passkey-manager';

/** The words the manager shows in the browser, and no others. */
const CLIENT_WORDS = [
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
] as const satisfies ReadonlyArray<keyof PasskeyManagerWords>;

/** The patient's words (selfService.settings.passkeys) or the staff's (pl.admin.passkeys), of one shape. */
export type PasskeyWords = Catalogue['selfService']['settings']['passkeys'];

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

export function PasskeyList({ passkeys, words: t, locale }: { passkeys: PasskeySummary[]; words: PasskeyWords; locale: Locale }) {
  const items: PasskeyItem[] = passkeys.map((key) => ({
    id: key.id,
    name: key.name,
    addedAt: formatDateTime(key.createdAt, locale),
    lastUsedAt: key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t.never,
    removeLabel: t.removeLabel(key.name),
  }));
  // Only words go to the browser; those with a key's name in them are made here or by the actions.
  const words: PasskeyManagerWords = pick(t, CLIENT_WORDS);
  return (
    <div className="flex flex-col gap-4">
      <p>{t.intro}</p>
      <p>{t.details}</p>
      <PasskeyManager
        items={items}
        words={words}
        noScript={
          <noscript>
            <p>{t.needsBrowser}</p>
          </noscript>
        }
      />
    </div>
  );
}
