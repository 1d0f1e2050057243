import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).activate.done.title };
}

// The manual's step 19: a confirmation the patient acknowledges, then the login page (step 20).
export default async function PasswordSetPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  const { reset } = await searchParams;
  const t = (await words()).activate.done;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        <p role="status" className="mb-4">
          {reset ? t.resetBody : t.body}
        </p>
        <Link prefetch={false} href="/login" className={buttonClass}>
          {t.ok}
        </Link>
      </Card>
    </>
  );
}
