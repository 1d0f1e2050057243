import Link from 'next/link';
import { PageTitle, linkClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

/** A sub-page of the account: the way back to /account above its title. */
export function SubpageHeading({ title, linkLineClass = 'mb-2' }: { title: string; linkLineClass?: string }) {
  return (
    <>
      <p className={linkLineClass}>
        <Link href="/account" className={linkClass}>
          {pl.selfService.back}
        </Link>
      </p>
      <PageTitle>{title}</PageTitle>
    </>
  );
}
