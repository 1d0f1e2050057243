import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

export const metadata: Metadata = { title: pl.selfService.emailConfirm.doneTitle };

const t = pl.selfService.emailConfirm;

/** After a confirmation link used without a session (the address is not repeated here). */
export default function EmailConfirmedPage() {
  return (
    <>
      <PageTitle>{t.doneTitle}</PageTitle>
      <Card>
        <p role="status" className="mb-4">
          {pl.selfService.emailConfirm.doneTitle}.
        </p>
        <Link href="/login" className={buttonClass}>
          {t.toLogin}
        </Link>
      </Card>
    </>
  );
}
