import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.delete.doneTitle };
}

export default async function AccountDeletedPage() {
  const w = await words();
  const t = w.selfService.delete;
  return (
    <>
      <PageTitle>{t.doneTitle}</PageTitle>
      <Card>
        <p role="status" className="mb-2">
          {t.done}
        </p>
        <p className="mb-4">{t.again}</p>
        <Link prefetch={false} href="/login" className={buttonClass}>
          {w.selfService.emailConfirm.toLogin}
        </Link>
      </Card>
    </>
  );
}
