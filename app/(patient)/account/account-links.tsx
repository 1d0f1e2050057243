import Link from 'next/link';
import { CardSection, linkClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';

/** The patient's self-service: settings, their data, erasure. */
export async function AccountLinks() {
  const t = (await words()).selfService.nav;
  const links = [
    ['/account/settings', t.settings],
    ['/account/data', t.data],
    ['/account/delete', t.delete],
  ] as const;
  return (
    <CardSection id="manage-title" title={t.title} as="nav">
      <ul className="flex flex-col gap-2">
        {links.map(([href, label]) => (
          <li key={href}>
            <Link prefetch={false} href={href} className={linkClass}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </CardSection>
  );
}
