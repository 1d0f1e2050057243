import { intlTags, type Locale } from '@/lib/i18n/locales';
import { HOSPITAL_TIME_ZONE } from '@/lib/time-zone';

/** Date and time in the hospital's time zone, in the reader's language (the desk's: Polish). */
export function formatDateTime(value: Date | null | undefined, locale: Locale = 'pl'): string {
  return value ? value.toLocaleString(intlTags[locale], { timeZone: HOSPITAL_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }) : '—';
}
