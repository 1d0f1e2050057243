import type { Metadata } from 'next';
import { connection } from 'next/server';
import { FacilityContact } from '@/components/facility-contact';
import { PageTitle } from '@/components/ui';
import { CONSENTS } from '@/lib/consents';
import { pl } from '@/lib/messages/pl';
import { initialRegisterState } from './submit-registration';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: pl.register.title };

export default async function RegisterPage() {
  await connection(); // a fresh captcha for every visitor
  return (
    <>
      <PageTitle>{pl.register.title}</PageTitle>
      <p className="mb-6">{pl.register.intro}</p>
      <RegisterForm
        initialState={initialRegisterState()}
        consentLabels={{
          consentDataProcessing: CONSENTS.data_processing.label,
          consentEmail: CONSENTS.email.label,
          consentSms: CONSENTS.sms.label,
        }}
        contact={<FacilityContact />}
      />
    </>
  );
}
