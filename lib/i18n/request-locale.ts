// The language of the request being rendered, read once per request (React `cache`). Staff
// pages stay Polish (the desk works in Polish), whatever the browser asks for.
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { defaultLocale, LOCALE_COOKIE, pickLocale, type Locale } from './locales';

/** Paths whose pages are the desk's or the developer's, always in Polish. */
export function isStaffPath(path: string): boolean {
  return /^\/(admin|dev)(\/|\?|$)/.test(path);
}

export const requestLocale = cache(async (): Promise<Locale> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  if (isStaffPath(head.get('x-request-path') ?? '')) return defaultLocale;
  return pickLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
});
