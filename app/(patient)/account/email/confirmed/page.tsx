import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.emailConfirm.doneTitle };
}

/** After a confirmation link used without a session (the address is not repeated here). */
export default async function EmailConfirmedPage() {
  const t = (await words()).selfService.emailConfirm;
  return (
    <>
      <PageTitle>{t.doneTitle}</PageTitle>
      <Card>
        <p role="status" className="mb-4">
          {t.doneTitle}.
        </p>
        <Link prefetch={false} href="/login" className={buttonClass}>
          {t.toLogin}
        </Link>
      </Card>
    </>
  );
}
