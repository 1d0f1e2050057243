import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card, PageTitle, buttonClass, linkClass } from '@/components/ui';
import { currentPatientId, currentStaff } from '@/lib/auth/auth';
import { pl } from '@/lib/messages/pl';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: pl.login.title };

export default async function LoginPage() {
  if (await currentPatientId()) redirect('/account');
  if (await currentStaff()) redirect('/admin/verifications');
  return (
    <>
      <PageTitle>{pl.login.title}</PageTitle>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <LoginForm />
          <p className="mt-4">
            <Link href="/password/forgot" className={linkClass}>
              {pl.login.forgot}
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-bold">{pl.login.noAccount}</h2>
          <p className="mb-4">Konto w portalu pacjenta założysz w kilka minut. Potrzebny będzie adres email.</p>
          <Link href="/register" className={buttonClass}>
            {pl.login.register}
          </Link>
        </Card>
      </div>
    </>
  );
}
