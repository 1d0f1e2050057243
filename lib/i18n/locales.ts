// The portal's languages and how a request picks one: the `lang` cookie (set by the switcher in
// the header), else the browser's Accept-Language, else Polish. URLs never carry the language, so
// SPEC §12's routes stay as they are.
export const locales = ['pl', 'en', 'uk'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pl';
export const LOCALE_COOKIE = 'lang';

/** BCP 47 tags for Intl: dates, numbers and `<html lang>`. */
export const intlTags = { pl: 'pl-PL', en: 'en-GB', uk: 'uk-UA' } satisfies Record<Locale, string>;

/** Each language's own name, as the switcher shows it. */
export const localeNames = { pl: 'Polski', en: 'English', uk: 'Українська' } satisfies Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header by quality (`uk-UA;q=0.9`), or
 * undefined. Unknown and malformed entries are skipped; `*` is not a choice.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { base: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  // Ukrainian speakers' browsers sometimes only say "ru"; we do not guess: Polish is the default.
  return ranked.map((entry) => entry.base).find(isLocale);
}

export function pickLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookie) ? cookie : (fromAcceptLanguage(acceptLanguage) ?? defaultLocale);
}

/** A path of this site to go back to: relative, without a scheme or another host. */
export function sameSitePath(next: unknown): string {
  // Printable ASCII only: a Location header cannot carry anything else (our paths never do).
  if (typeof next !== 'string' || next.length > 512 || !/^\/[\x21-\x7E]*$/.test(next) || next.startsWith('//') || next.includes('\\'))
    return '/';
  return next;
}
