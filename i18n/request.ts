// next-intl's per-request configuration: the language (lib/i18n/request-locale.ts) and the
// formats dates and numbers use. The words themselves are our typed catalogues
// (lib/messages/*.ts, `wordsFor`), not next-intl message strings: they carry functions and
// domain-keyed lists that the compiler checks, which ICU strings would not.
import { getRequestConfig } from 'next-intl/server';
import { requestLocale } from '@/lib/i18n/request-locale';
import { HOSPITAL_TIME_ZONE } from '@/lib/time-zone';

export default getRequestConfig(async () => ({
  locale: await requestLocale(),
  timeZone: HOSPITAL_TIME_ZONE,
  messages: {},
}));
