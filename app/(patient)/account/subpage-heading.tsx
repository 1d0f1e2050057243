import Link from 'next/link';
import { PageTitle, linkClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';

/** A sub-page of the account: the way back to /account above its title. */
export async function SubpageHeading({ title, linkLineClass = 'mb-2' }: { title: string; linkLineClass?: string }) {
  return (
    <>
      <p className={linkLineClass}>
        <Link prefetch={false} href="/account" className={linkClass}>
          {(await words()).selfService.back}
        </Link>
      </p>
      <PageTitle>{title}</PageTitle>
    </>
  );
}
