// The language of the request being rendered, read once per request (React `cache`).
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { LOCALE_COOKIE, pickLocale, type Locale } from './locales';

export const requestLocale = cache(async (): Promise<Locale> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return pickLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
});
