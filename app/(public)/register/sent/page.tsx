import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FacilityContact } from '@/components/facility-contact';
import { Card, PageTitle, linkClass } from '@/components/ui';
import { env } from '@/lib/env';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).register.sent.title };
}

export default async function RegistrationSentPage() {
  await connection(); // facility and link lifetime are run-time configuration
  const w = await words();
  const t = w.register.sent;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <Card>
        <div role="status" className="flex flex-col gap-3">
          <p>{t.body}</p>
          <p>{t.validity(env.ACTIVATION_TTL_HOURS)}</p>
          <p>{t.spam}</p>
          <p>
            <Link prefetch={false} href="/activate/resend" className={linkClass}>
              {t.resend}
            </Link>
          </p>
          <p>{t.desk}</p>
          <FacilityContact />
          <p>
            <Link prefetch={false} href="/login" className={linkClass}>
              {w.login.goTo}
            </Link>
          </p>
        </div>
      </Card>
    </>
  );
}
