// Test data for registrations through the use case and the server action: valid input of
// registerPatient, its context, and form submissions with a solved captcha. The people come from
// tests/helpers/people.ts, which the end-to-end tests share.
import { randomBytes } from 'node:crypto';
import { createChallenge, solveQuestion } from '@/lib/captcha';
import { env } from '@/lib/env';
import type { RegistrationData } from '@/lib/registration/form';
import type { RegistrationContext } from '@/lib/registration/register-patient';
import { uniquePesel, uniqueSuffix } from './people';

export { uniquePesel, uniqueSuffix };

/** registerPatient's input for a valid, unique patient (Jan Testowy). */
export function person(overrides: Partial<RegistrationData> = {}): RegistrationData {
  const { pesel, birthDate } = uniquePesel();
  const suffix = uniqueSuffix();
  return {
    pesel,
    birthDate,
    sex: Number(pesel[9]) % 2 === 1 ? 'M' : 'K',
    firstName: 'Jan',
    lastName: 'Testowy',
    login: `pacjent.${suffix}`,
    email: `pacjent.${suffix}@example.pl`,
    phone: '+48600100200',
    street: 'Krasnystawska',
    houseNumber: '52',
    flatNumber: null,
    postalCode: '21-010',
    city: 'Łęczna',
    consents: { dataProcessing: true, email: true, sms: true },
    ...overrides,
  };
}

export function context(overrides: Partial<RegistrationContext> = {}): RegistrationContext {
  return {
    captcha: { nonce: randomBytes(16).toString('base64url'), expiresAt: new Date(Date.now() + 900_000) },
    ip: '127.0.0.1',
    userAgent: 'vitest',
    ...overrides,
  };
}

/** A complete, valid form submission (as FormData entries) with a solved captcha. */
export function validForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { pesel } = uniquePesel();
  const suffix = uniqueSuffix();
  const challenge = createChallenge(env.AUTH_SECRET);
  return {
    pesel,
    birthDate: '',
    firstName: 'Zofia',
    lastName: 'Wójcik-Żak',
    login: `zofia.${suffix}`,
    email: `zofia.${suffix}@example.pl`,
    phone: '600 100 200',
    street: 'Lubelska',
    houseNumber: '12A',
    flatNumber: '3',
    postalCode: '21010',
    city: 'Łęczna',
    captchaToken: challenge.token,
    captchaAnswer: String(solveQuestion(challenge.question)),
    consentDataProcessing: 'on',
    consentEmail: 'on',
    consentSms: 'on',
    ...overrides,
  };
}
