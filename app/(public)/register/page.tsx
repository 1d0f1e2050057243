import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { WkButton } from '@/components/wk-button';
import { getDb } from '@/db/client';
import { nameAsWritten } from '@/lib/text';
import { wkConfig } from '@/lib/wk/config';
import { heldIdentity } from '@/lib/wk/held-identity';
import { WK_HANDLE_COOKIE } from '@/lib/wk/request-cookie';
import { FacilityContact } from '@/components/facility-contact';
import { Notice, PageTitle, linkClass, secondaryButtonClass } from '@/components/ui';
import { words } from '@/lib/i18n/words';
import { initialRegisterState } from './submit-registration';
import { RegisterForm } from './register-form';
import { RegisterWordsProvider } from '@/components/words/register-words';
import { requestLocale } from '@/lib/i18n/request-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await words()).register.title };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // a fresh captcha for every visitor
  const t = await words();
  const node = wkConfig();
  // Back from login.gov.pl: the person it named, held on the server (never taken from the form).
  const held = node ? await heldIdentity(await getDb(), (await cookies()).get(WK_HANDLE_COOKIE)?.value) : null;
  const noAccount = held && (await searchParams).wk === 'no-account';
  const fixed = held
    ? { pesel: held.pesel, firstName: nameAsWritten(held.firstName), lastName: nameAsWritten(held.lastName), birthDate: held.birthDate }
    : null;
  return (
    <>
      <PageTitle>{t.register.title}</PageTitle>
      <p className="mb-6">{t.register.intro}</p>
      <Notice tone="info" className="mb-6" message={noAccount && t.wk.noAccount} />
      {fixed ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <p className="font-medium" data-wk-fixed>
            {t.wk.fromNode}
          </p>
          <form method="post" action="/register/forget">
            <button type="submit" className={secondaryButtonClass}>
              {t.wk.notMe}
            </button>
          </form>
        </div>
      ) : node ? (
        <div className="mb-6 flex flex-col gap-2">
          <p>{t.wk.registerIntro}</p>
          <WkButton purpose="register">{t.wk.register}</WkButton>
        </div>
      ) : null}
      <RegisterWordsProvider locale={await requestLocale()}>
        <RegisterForm
          fixed={fixed}
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
