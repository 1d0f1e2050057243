'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { submitRegistration, type RegisterState } from '@/lib/registration/submit-registration';
import { clientIp } from '@/lib/request';

// A public endpoint: anything may arrive here, so the use case validates everything itself.
export async function registerAction(previous: RegisterState, formData: FormData): Promise<RegisterState> {
  const h = await headers();
  const raw: Record<string, unknown> = {};
  formData.forEach((value, key) => {
    if (!(key in raw)) raw[key] = value;
  });
  const state = await submitRegistration(await getDb(), raw, {
    ip: clientIp(h),
    userAgent: h.get('user-agent'),
    submission: previous && 'submission' in previous && typeof previous.submission === 'number' ? previous.submission : 0,
  });
  if (state.status === 'registered') redirect('/register/sent');
  return state;
}
