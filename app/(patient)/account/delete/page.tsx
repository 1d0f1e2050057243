import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, linkClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { requirePatient } from '@/lib/web/action';
import { DeleteAccountForm } from './delete-form';
import { SubpageHeading } from '../subpage-heading';

export const metadata: Metadata = { title: pl.selfService.delete.title, robots: { index: false } };

const t = pl.selfService.delete;

/** Erasure of the web account (RODO art. 17): what happens, then the password and a confirmation. */
export default async function DeleteAccountPage() {
  await requirePatient();
  return (
    <>
      <SubpageHeading title={t.title} />
      <div className="flex flex-col gap-6">
        <Card>
          <h2 className="mb-2 text-lg font-bold">{t.what}</h2>
          <ul className="mb-4 list-disc pl-5">
            {t.consequences.map((line) => (
              <li key={line} className="mb-1">
                {line}
              </li>
            ))}
          </ul>
          <p>
            {t.before}{' '}
            <Link href="/account/data" className={linkClass}>
              {pl.selfService.nav.data}
            </Link>
          </p>
        </Card>
        <Card>
          <DeleteAccountForm />
        </Card>
      </div>
    </>
  );
}
