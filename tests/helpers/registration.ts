// Test data for registrations: valid people, form submissions and solved captchas.
import { randomBytes, randomInt } from 'node:crypto';
import { createChallenge, solveQuestion } from '@/lib/captcha';
import { env } from '@/lib/env';
import { encodePesel } from '@/lib/pesel';
import type { RegistrationData } from '@/lib/registration/form';
import type { RegistrationContext } from '@/lib/registration/register-patient';

export function uniquePesel(): { pesel: string; birthDate: string } {
  const year = randomInt(1930, 2005);
  const month = randomInt(1, 13);
  const day = randomInt(1, 29);
  const pesel = encodePesel({ year, month, day }, randomInt(0, 1000), randomInt(0, 10));
  return { pesel, birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

let counter = 0;
export function uniqueSuffix(): string {
  counter += 1;
  return `${randomBytes(3).toString('hex')}${counter}`;
}

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
    captchaAnswer: '0',
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
