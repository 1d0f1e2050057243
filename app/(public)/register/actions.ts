'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { countRegistration } from '@/lib/metrics';
import { pl } from '@/lib/messages/pl';
import { limitedRegisterState, submitRegistration, type RegisterState } from '@/lib/registration/submit-registration';
import { clientIp } from '@/lib/request';
import { consume, describeWait, peek } from '@/lib/security/rate-limit';

// A public endpoint: anything may arrive here, so the use case validates everything itself.
export async function registerAction(previous: RegisterState, formData: FormData): Promise<RegisterState> {
  const h = await headers();
  const raw: Record<string, unknown> = {};
  formData.forEach((value, key) => {
    if (!(key in raw)) raw[key] = value;
  });
  const submission = previous && 'submission' in previous && typeof previous.submission === 'number' ? previous.submission : 0;
  const db = await getDb();
  const ip = clientIp(h);

  const captchaLimit = await peek(db, 'captcha', ip);
  const limit = captchaLimit.ok ? await consume(db, 'register', ip) : captchaLimit;
  if (!limit.ok) return limitedRegisterState(raw, submission, pl.limited(describeWait(limit.retryAfterSeconds)));

  const state = await submitRegistration(db, raw, { ip, userAgent: h.get('user-agent'), submission });
  countRegistration(state.status);
  if (state.status === 'registered') redirect('/register/sent');
  // Wrong captcha answers count separately: guessing is what bots do.
  if (state.fieldErrors.captchaAnswer) await consume(db, 'captcha', ip);
  return state;
}
