import { intlTags, type Locale } from '@/lib/i18n/locales';

/** Date and time in the hospital's time zone, in the reader's language (the desk's: Polish). */
export function formatDateTime(value: Date | null | undefined, locale: Locale = 'pl'): string {
  return value ? value.toLocaleString(intlTags[locale], { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' }) : '—';
}
