'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import type { PasswordRule } from '@/lib/password-policy';

export type PasswordState = { status: 'idle' } | { status: 'weak'; broken: PasswordRule[] };

const text = (v: FormDataEntryValue | null, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

// Public endpoint: the token is the only authority, and it is checked again here.
export async function setPasswordAction(_previous: PasswordState, formData: FormData): Promise<PasswordState> {
  const purpose = formData.get('purpose') === 'password_reset' ? 'password_reset' : 'activation';
  const token = text(formData.get('token'), 64);
  const route = purpose === 'activation' ? '/activate' : '/password/reset';
  // Over-long passwords are judged by the rules (128 max) rather than cut silently.
  const outcome = await setPasswordWithToken(await getDb(), {
    purpose,
    token,
    password: text(formData.get('password'), 1024),
    repeat: text(formData.get('passwordRepeat'), 1024),
  });
  if (outcome.status === 'ok') redirect(purpose === 'activation' ? '/activate/done' : '/activate/done?reset=1');
  if (outcome.status === 'token') redirect(`${route}/${encodeURIComponent(token)}`);
  // Never echo the password back: the form starts empty with the broken rules listed.
  return { status: 'weak', broken: outcome.broken };
}
