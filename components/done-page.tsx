// The page at the end of a path (registration sent, password set, address confirmed, account
// deleted): what happened, announced as a status, and the way on to signing in.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card, PageTitle, buttonClass } from '@/components/ui';

/** `children` are the paragraphs of what happened; `toLogin` words the button to the login page. */
export function DonePage({ title, toLogin, children }: { title: string; toLogin?: string; children: ReactNode }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Card>
        <div role="status" className={toLogin ? 'mb-4 flex flex-col gap-3' : 'flex flex-col gap-3'}>
          {children}
        </div>
        {toLogin ? (
          <Link prefetch={false} href="/login" className={buttonClass}>
            {toLogin}
          </Link>
        ) : null}
      </Card>
    </>
  );
}
