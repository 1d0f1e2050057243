// Markup shared by the legal pages (/dostepnosc, /prywatnosc): texts with slots for links and
// dates (lib/messages/legal), sections, and calendar days in the reader's language.
import { Fragment, type ReactNode } from 'react';
import { linkClass } from '@/components/ui';
import { intlTags, type Locale } from '@/lib/i18n/locales';

/** The text with each `{name}` replaced by `slots[name]`; unknown slots stay as written. */
export function fill(template: string, slots: Record<string, ReactNode>): ReactNode {
  return template.split(/(\{\w+\})/).map((part, index) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={index}>{name !== undefined && Object.hasOwn(slots, name) ? slots[name] : part}</Fragment>;
  });
}

/** An ISO day (YYYY-MM-DD) as the locale writes it in full, in a machine-readable <time>. */
export function Day({ iso, locale, id }: { iso: string; locale: Locale; id?: string }) {
  // A calendar day, not an instant: formatted in UTC so no time zone moves it.
  const text = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <time id={id} dateTime={iso}>
      {text}
    </time>
  );
}

export function LegalSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-bold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function TextLink({ href, id, children }: { href: string; id?: string; children: ReactNode }) {
  return (
    <a id={id} href={href} className={`${linkClass} break-words`}>
      {children}
    </a>
  );
}

/** The page's column: long legal text reads better narrow. */
export function LegalArticle({ children }: { children: ReactNode }) {
  return <article className="flex max-w-3xl flex-col gap-8 leading-relaxed">{children}</article>;
}
