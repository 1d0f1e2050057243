'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { deleteWebAccount } from '@/lib/account/delete-account';
import { signOut } from '@/lib/auth/auth';
import { logError } from '@/lib/log';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { describeWait } from '@/lib/security/rate-limit';
import type { AccountFormState } from '../form-state';
import { field, nextSubmission, requirePatient } from '../patient-session';

/** Erases the signed-in patient's own web account, after the password and the confirmation. */
export async function deleteAccountAction(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const accountId = await requirePatient();
  const submission = nextSubmission(previous);
  const h = await headers();
  let outcome;
  try {
    outcome = await deleteWebAccount(await getDb(), accountId, {
      password: field(formData, 'password', 1024),
      confirmed: formData.get('confirm') === 'on',
      ip: clientIp(h),
      userAgent: h.get('user-agent'),
    });
  } catch (error) {
    logError('account deletion failed', error);
    return { status: 'error', fieldErrors: {}, values: {}, submission };
  }
  if (outcome.status === 'invalid') return { status: 'invalid', fieldErrors: outcome.fieldErrors, values: {}, submission };
  if (outcome.status === 'limited') {
    return { status: 'limited', fieldErrors: {}, values: {}, message: pl.limited(describeWait(outcome.retryAfterSeconds)), submission };
  }
  if (outcome.status === 'gone') return { status: 'gone', fieldErrors: {}, values: {}, submission };
  // The account's sessions ended with it; this clears the browser's cookie.
  await signOut({ redirectTo: '/account/deleted' });
  return { status: 'idle', fieldErrors: {}, values: {}, submission };
}
