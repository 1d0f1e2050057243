'use server';

import { redirect } from 'next/navigation';

/**
 * Answers an empty name in the form; with a name it redirects, as a finished sign-in does (the
 * POST bench:signin measures Next's own cost with).
 * @param {{ message: string }} _previous @param {FormData} form
 */
export async function send(_previous, form) {
  const name = String(form.get('name') ?? '');
  if (!name) return { message: 'Podaj imię' };
  redirect('/done');
}
