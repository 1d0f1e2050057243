import type { Metadata } from 'next';
import { DonePage } from '@/components/done-page';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).activate.done.title };
}

// The manual's step 19: a confirmation the patient acknowledges, then the login page (step 20).
export default async function PasswordSetPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  const { reset } = await searchParams;
  const t = (await words()).activate.done;
  return (
    <DonePage title={t.title} toLogin={t.ok}>
      <p>{reset ? t.resetBody : t.body}</p>
    </DonePage>
  );
}
