'use server';

import { APIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '../lib/auth';

const text = (/** @type {FormData} */ form, /** @type {string} */ name) => String(form.get(name) ?? '');

/** Signs in (the session cookie is set by nextCookies()) and goes to the account: a 303 without JavaScript. */
export async function signIn(/** @type {FormData} */ form) {
  try {
    await auth.api.signInEmail({
      body: { email: text(form, 'email'), password: text(form, 'password') },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) redirect(`/sign-in?error=${encodeURIComponent(error.body?.code ?? error.status)}`);
    throw error;
  }
  redirect('/account');
}

/** Makes the account (its verification email is made and dropped) and says so. */
export async function signUp(/** @type {FormData} */ form) {
  try {
    await auth.api.signUpEmail({
      body: { name: text(form, 'name'), email: text(form, 'email'), password: text(form, 'password') },
      headers: await headers(),
    });
  } catch (error) {
    if (error instanceof APIError) redirect(`/sign-up?error=${encodeURIComponent(error.body?.code ?? error.status)}`);
    throw error;
  }
  redirect('/sign-up/sent');
}
