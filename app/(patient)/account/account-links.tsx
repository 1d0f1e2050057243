import Link from 'next/link';
import { Card, linkClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

const t = pl.selfService.nav;

/** The patient's self-service: settings, their data, erasure. */
export function AccountLinks() {
  return (
    <nav aria-labelledby="manage-title">
      <Card>
        <h2 id="manage-title" className="mb-2 text-lg font-bold">
          {t.title}
        </h2>
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/account/settings" className={linkClass}>
              {t.settings}
            </Link>
          </li>
          <li>
            <Link href="/account/data" className={linkClass}>
              {t.data}
            </Link>
          </li>
          <li>
            <Link href="/account/delete" className={linkClass}>
              {t.delete}
            </Link>
          </li>
        </ul>
      </Card>
    </nav>
  );
}
