import Link from 'next/link';
import { Card, PageTitle, linkClass } from '@/components/ui';
import type { TokenState } from '@/lib/account/inspect-account-token';
import { words } from '@/lib/i18n/words';

/** The page for a link that cannot be used, with the way to get a new one. */
export async function InvalidLink({ state, purpose }: { state: Exclude<TokenState, 'valid'>; purpose: 'activation' | 'password_reset' }) {
  const w = await words();
  const t = w.activate.invalid[state];
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        <p className="mb-4" data-link-state={state}>
          {t.body}
        </p>
        <ul className="flex flex-col gap-2">
          <li>
            {purpose === 'activation' ? (
              <Link prefetch={false} href="/activate/resend" className={linkClass}>
                {w.activate.resend.title}
              </Link>
            ) : (
              <Link prefetch={false} href="/password/forgot" className={linkClass}>
                {w.activate.newResetLink}
              </Link>
            )}
          </li>
          <li>
            <Link prefetch={false} href="/login" className={linkClass}>
              {w.login.goTo}
            </Link>
          </li>
        </ul>
      </Card>
    </>
  );
}
