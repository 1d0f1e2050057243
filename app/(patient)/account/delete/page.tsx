import type { Metadata } from 'next';
import { ClientWords } from '@/components/words/client-words';
import Link from 'next/link';
import { Card, linkClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';
import { requirePatient } from '@/lib/web/action';
import { DeleteAccountForm } from './delete-form';
import { SubpageHeading } from '../subpage-heading';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.delete.title, robots: { index: false } };
}

/** Erasure of the web account (RODO art. 17): what happens, then the password and a confirmation. */
export default async function DeleteAccountPage() {
  await requirePatient();
  const w = await words();
  const t = w.selfService.delete;
  // The form's problems are worded in the browser, in the patient's language.
  return (
    <ClientWords>
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
            <Link prefetch={false} href="/account/data" className={linkClass}>
              {w.selfService.nav.data}
            </Link>
          </p>
        </Card>
        <Card>
          <DeleteAccountForm />
        </Card>
      </div>
    </ClientWords>
  );
}
