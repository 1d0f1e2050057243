import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

export const metadata: Metadata = { title: pl.selfService.delete.doneTitle };

const t = pl.selfService.delete;

export default function AccountDeletedPage() {
  return (
    <>
      <PageTitle>{t.doneTitle}</PageTitle>
      <Card>
        <p role="status" className="mb-2">
          {t.done}
        </p>
        <p className="mb-4">{t.again}</p>
        <Link href="/login" className={buttonClass}>
          {pl.selfService.emailConfirm.toLogin}
        </Link>
      </Card>
    </>
  );
}
