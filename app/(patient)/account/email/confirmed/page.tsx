import type { Metadata } from 'next';
import { DonePage } from '@/components/done-page';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.emailConfirm.doneTitle };
}

/** After a confirmation link used without a session (the address is not repeated here). */
export default async function EmailConfirmedPage() {
  const t = (await words()).selfService.emailConfirm;
  return (
    <DonePage title={t.doneTitle} toLogin={t.toLogin}>
      <p>{t.doneTitle}.</p>
    </DonePage>
  );
}
