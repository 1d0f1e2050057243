'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { confirmEmailChange } from '@/lib/account/change-email';
import { currentPatientId } from '@/lib/auth/auth';
import { isWellFormedToken } from '@/lib/secret-tokens';
import { field } from '../../../patient-session';

// The link is the authority (it reached the new mailbox); a patient signed in to another account
// is refused. The page behind the link only shows a button: opening it changes nothing, so mail
// scanners that follow links cannot confirm anything.
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const token = field(formData, 'token', 64);
  if (!isWellFormedToken(token)) redirect('/account/settings');
  const signedIn = await currentPatientId();
  const outcome = await confirmEmailChange(await getDb(), token, signedIn);
  const page = `/account/email/confirm/${encodeURIComponent(token)}`;
  if (outcome.status === 'confirmed') redirect(signedIn ? '/account/settings?done=email-confirmed' : '/account/email/confirmed');
  if (outcome.status === 'other_account') redirect(`${page}?problem=other_account`);
  if (outcome.status === 'conflict') redirect(`${page}?problem=conflict`);
  redirect(page);
}
