// The header's language switcher: a plain form posting to /lang, so it works without JavaScript
// and brings the user back to the same page (URLs never carry the language).
import { localeNames, locales, type Locale } from '@/lib/i18n/locales';

export function LanguageSwitcher({ current, label, path }: { current: Locale; label: string; path: string }) {
  return (
    <form action="/lang" method="post" aria-label={label} className="flex flex-wrap gap-1">
      <input type="hidden" name="next" value={path} />
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-current={locale === current ? 'true' : undefined}
          className="min-h-11 min-w-11 rounded px-2 text-sm underline-offset-2 hover:underline aria-[current=true]:bg-white aria-[current=true]:font-semibold aria-[current=true]:text-brand"
        >
          {localeNames[locale]}
        </button>
      ))}
    </form>
  );
}
