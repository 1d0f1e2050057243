/** Date and time as the desk reads them, in the hospital's time zone. */
export function formatDateTime(value: Date | null | undefined): string {
  return value ? value.toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw', dateStyle: 'short', timeStyle: 'short' }) : '—';
}
