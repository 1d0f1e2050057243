import type { Metadata } from 'next';
import { DonePage } from '@/components/done-page';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).selfService.delete.doneTitle };
}

export default async function AccountDeletedPage() {
  const w = await words();
  const t = w.selfService.delete;
  return (
    <DonePage title={t.doneTitle} toLogin={w.selfService.emailConfirm.toLogin}>
      <p>{t.done}</p>
      <p>{t.again}</p>
    </DonePage>
  );
}
