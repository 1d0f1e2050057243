import type { Metadata } from 'next';
import { connection } from 'next/server';
import { FacilityContact } from '@/components/facility-contact';
import { PageTitle, linkClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';
import { initialRegisterState } from './submit-registration';
import { RegisterForm } from './register-form';
import { RegisterWordsProvider } from '@/components/words/register-words';
import { requestLocale } from '@/lib/i18n/request-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).register.title };
}

export default async function RegisterPage() {
  await connection(); // a fresh captcha for every visitor
  const t = await words();
  return (
    <>
      <PageTitle>{t.register.title}</PageTitle>
      <p className="mb-6">{t.register.intro}</p>
      <RegisterWordsProvider locale={await requestLocale()}>
        <RegisterForm
          initialState={initialRegisterState()}
          consentLabels={{
            consentDataProcessing: t.consentTexts.data_processing,
            consentEmail: t.consentTexts.email,
            consentSms: t.consentTexts.sms,
          }}
          privacy={
            <p className="text-sm">
              <a href="/prywatnosc" className={linkClass}>
                {t.register.privacyNote}
              </a>
            </p>
          }
          contact={<FacilityContact />}
        />
      </RegisterWordsProvider>
    </>
  );
}
