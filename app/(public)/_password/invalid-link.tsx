import Link from 'next/link';
import { Card, PageTitle, linkClass } from '@/components/ui';
import type { TokenState } from '@/lib/account/inspect-account-token';
import { pl } from '@/lib/messages/pl';

/** The page for a link that cannot be used, with the way to get a new one. */
export function InvalidLink({ state, purpose }: { state: Exclude<TokenState, 'valid'>; purpose: 'activation' | 'password_reset' }) {
  const t = pl.activate.invalid[state];
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
              <Link href="/activate/resend" className={linkClass}>
                {pl.activate.resend.title}
              </Link>
            ) : (
              <Link href="/password/forgot" className={linkClass}>
                {pl.forgot.submit}: {pl.forgot.title.toLowerCase()}
              </Link>
            )}
          </li>
          <li>
            <Link href="/login" className={linkClass}>
              {pl.login.goTo}
            </Link>
          </li>
        </ul>
      </Card>
    </>
  );
}
