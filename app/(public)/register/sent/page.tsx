import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DonePage } from '@/components/done-page';
import { FacilityContact } from '@/components/facility-contact';
import { linkClass } from '@/components/ui';
import { env } from '@/lib/env';
import { words } from '@/lib/i18n/words';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).register.sent.title };
}

// Not signed in yet (the link in the email comes first), so the login page is only a quiet link.
export default async function RegistrationSentPage() {
  await connection(); // facility and link lifetime are run-time configuration
  const w = await words();
  const t = w.register.sent;
  return (
    <DonePage title={t.title}>
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
    </DonePage>
  );
}
