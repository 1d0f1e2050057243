'use server';

import { AuthError } from 'next-auth';
import { signIn, SignInRefused } from '@/lib/auth/auth';
import { pl } from '@/lib/messages/pl';
import { describeWait } from '@/lib/security/rate-limit';

export type SignInState = { error?: string; login?: string };

const text = (v: FormDataEntryValue | null, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const login = text(formData.get('login'), 64).trim();
  const password = text(formData.get('password'), 1024);
  if (!login || !password) return { error: pl.signIn.required, login };
  try {
    await signIn('credentials', { login, password, redirectTo: '/account' });
    return {};
  } catch (error) {
    if (error instanceof SignInRefused) {
      const message =
        error.code === 'pending' ? pl.signIn.pending
        : error.code === 'blocked' ? pl.signIn.blocked
        : error.code === 'limited' ? pl.limited(describeWait(error.retryAfterSeconds))
        : pl.signIn.failed;
      return { error: message, login };
    }
    if (error instanceof AuthError) return { error: pl.signIn.failed, login };
    throw error; // the redirect after a successful sign-in
  }
}
