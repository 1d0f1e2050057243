// The passkeys section of the patient's settings and of the staff's /admin/mfa, on the server: what a
// passkey is, the owner's keys with dates in the reader's language, and the manager that adds and
// removes them. The page reads the keys (listPasskeys) and brings the words of its audience.
import type { Locale } from '@/lib/i18n/locales';
import { formatDateTime } from '@/lib/format';
import type { PasskeySummary } from '@/lib/webauthn';
import { PasskeyManager, type PasskeyItem } from './passkey-manager';
import { managerWords, type PasskeyWords } from './passkey-words';

export function PasskeyList({ passkeys, words: t, locale }: { passkeys: PasskeySummary[]; words: PasskeyWords; locale: Locale }) {
  const items: PasskeyItem[] = passkeys.map((key) => ({
    id: key.id,
    name: key.name,
    addedAt: formatDateTime(key.createdAt, locale),
    lastUsedAt: key.lastUsedAt ? formatDateTime(key.lastUsedAt, locale) : t.never,
    removeLabel: t.removeLabel(key.name),
  }));
  const words = managerWords(t);
  return (
    <div className="flex flex-col gap-4">
      <p>{t.intro}</p>
      <p>{t.details}</p>
      <PasskeyManager
        items={items}
        words={words}
        noScript={
          <noscript>
            <p>{words.needsBrowser}</p>
          </noscript>
        }
      />
    </div>
  );
}
