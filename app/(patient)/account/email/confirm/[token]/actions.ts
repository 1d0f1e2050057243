'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { confirmEmailChange } from '@/lib/account/change-email';
import { isWellFormedToken } from '@/lib/secret-tokens';
import { findCaller, postAction } from '@/lib/web/action';

// The link is the authority (it reached the new mailbox), so anyone may post it; a patient signed
// in to another account is refused. The page behind the link only shows a button: opening it
// changes nothing, so mail scanners that follow links cannot confirm anything.
export const confirmEmailAction = postAction('anyone', async ({ form }) => {
  const token = form.text('token', 64);
  if (!isWellFormedToken(token)) redirect('/account/settings');
  const signedIn = (await findCaller('patient')) ?? null;
  const outcome = await confirmEmailChange(await getDb(), token, signedIn);
  const page = `/account/email/confirm/${encodeURIComponent(token)}`;
  if (outcome.status === 'confirmed') redirect(signedIn ? '/account/settings?done=email-confirmed' : '/account/email/confirmed');
  if (outcome.status === 'other_account') redirect(`${page}?problem=other_account`);
  if (outcome.status === 'conflict') redirect(`${page}?problem=conflict`);
  redirect(page);
});
