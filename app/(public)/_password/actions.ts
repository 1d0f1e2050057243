'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import type { PasswordRule } from '@/lib/password-policy';
import { formAction, type ActionState } from '@/lib/web/action';

/** `invalid` with the rules the password breaks; the form starts empty (a password never comes back). */
export type PasswordState = ActionState<never, 'password' | 'passwordRepeat', { broken?: PasswordRule[] }>;

// Public endpoint: the token is the only authority, and it is checked again here.
export const setPasswordAction = formAction<PasswordState, 'anyone'>('anyone', async ({ form, reply, t }) => {
  const purpose = form.text('purpose', 20) === 'password_reset' ? 'password_reset' : 'activation';
  const token = form.text('token', 64);
  const route = purpose === 'activation' ? '/activate' : '/password/reset';
  // Over-long passwords are judged by the rules (128 max) rather than cut silently.
  const outcome = await setPasswordWithToken(await getDb(), {
    purpose,
    token,
    password: form.text('password', 1024),
    repeat: form.text('passwordRepeat', 1024),
  });
  if (outcome.status === 'ok') redirect(purpose === 'activation' ? '/activate/done' : '/activate/done?reset=1');
  if (outcome.status === 'token') redirect(`${route}/${encodeURIComponent(token)}`);
  return { ...reply.invalid({ password: t.activate.failed }), broken: outcome.broken };
});
