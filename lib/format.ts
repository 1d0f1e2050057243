import { intlTags, type Locale } from '@/lib/i18n/locales';

/** Date and time as the desk (or, in an email, the patient) reads them, in the hospital's time zone. */
export function formatDateTime(value: Date | null | undefined, locale: Locale = 'pl'): string {
  return value ? value.toLocaleString(intlTags[locale], { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' }) : '—';
}
