'use client';

// A polite warning a minute before an idle session ends, with "stay signed in". The server
// decides (lib/auth/sessions.ts); this only mirrors its clock, from the last page load or action.
// Its words are the `session` section of each language (a few lines), so the pages that carry
// the clock (/account, the desk) load no catalogue (issue 24's page weight).
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionButton, buttonClass } from '@/components/ui';
import type { Locale } from '@/lib/i18n/locales';
import { enSession } from '@/lib/messages/en-session';
import { plSession } from '@/lib/messages/pl-session';
import { ukSession } from '@/lib/messages/uk-session';
import type { Catalogue } from '@/lib/messages/catalogue';

const byLocale = { pl: plSession, en: enSession, uk: ukSession } satisfies Record<Locale, Catalogue['session']>;

// A minute before the end; with a very short timeout (tests), a third of it.
const warnBefore = (idle: number) => Math.min(60, Math.floor(idle / 3));

interface SessionTimeoutProps {
  /** The page's language (staff pages: Polish). */
  locale: Locale;
  idleSeconds: number;
  /** Looks the session up (which counts as activity); false when it has ended. */
  stay: (form: FormData) => Promise<boolean>;
  signOut: (formData: FormData) => Promise<void>;
}

/** Each page the user opens is activity: the clock starts again with the page. */
export function SessionTimeout(props: SessionTimeoutProps) {
  return <SessionClock key={usePathname()} {...props} />;
}

function SessionClock({ locale, idleSeconds, stay: staySignedIn, signOut }: SessionTimeoutProps) {
  const t = byLocale[locale];
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [since, setSince] = useState(() => Date.now());
  const [left, setLeft] = useState(idleSeconds);

  useEffect(() => {
    const warnAt = Math.max(0, idleSeconds - warnBefore(idleSeconds));
    const tick = () => {
      const elapsed = (Date.now() - since) / 1000;
      const remaining = Math.max(0, Math.ceil(idleSeconds - elapsed));
      setLeft(remaining);
      const dialog = dialogRef.current;
      if (remaining === 0) {
        const next = `${window.location.pathname}${window.location.search}`;
        router.replace(`/login?reason=idle&next=${encodeURIComponent(next)}`);
      } else if (elapsed >= warnAt && dialog && !dialog.open) {
        dialog.showModal();
      }
    };
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [since, idleSeconds, router]);

  const stay = useCallback(async () => {
    let alive: boolean;
    try {
      alive = await staySignedIn(new FormData());
    } catch {
      // Unreachable (offline, a deployment in progress): the warning stays for another try, and
      // the clock still ends the session at zero.
      return;
    }
    dialogRef.current?.close();
    if (alive) setSince(Date.now());
    else router.replace('/login?reason=idle');
  }, [staySignedIn, router]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="session-timeout-title"
      aria-describedby="session-timeout-text"
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/50"
    >
      <h2 id="session-timeout-title" className="mb-2 text-lg font-bold">
        {t.warningTitle}
      </h2>
      <p id="session-timeout-text" className="mb-4">
        {t.warning(left)}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" autoFocus className={buttonClass} onClick={() => void stay()}>
          {t.stay}
        </button>
        <ActionButton action={signOut} className="min-h-11 rounded-md border border-slate-400 px-4 font-medium">
          {t.signOut}
        </ActionButton>
      </div>
    </dialog>
  );
}
