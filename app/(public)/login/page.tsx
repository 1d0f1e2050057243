import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageTitle, buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

export const metadata: Metadata = { title: pl.login.title };

export default function LoginPage() {
  return (
    <>
      <PageTitle>{pl.login.title}</PageTitle>
      <Card>
        <p className="mb-4">{pl.login.noAccount}</p>
        <Link href="/register" className={buttonClass}>
          {pl.login.register}
        </Link>
      </Card>
    </>
  );
}
