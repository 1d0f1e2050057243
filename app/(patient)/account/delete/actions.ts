'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { deleteWebAccount } from '@/lib/account/delete-account';
import { signOut } from '@/lib/auth/auth';
import { requestLocale } from '@/lib/i18n/request-locale';
import { clientIp } from '@/lib/request';
import { attempt, formAction } from '@/lib/web/action';
import { deleteAccountErrors } from '../field-errors';
import type { AccountFormState } from '../form-state';

/** Erases the signed-in patient's own web account, after the password and the confirmation. */
export const deleteAccountAction = formAction<AccountFormState, 'patient'>('patient', async ({ caller: accountId, form, reply, t }) => {
  const h = await headers();
  const outcome = await attempt('account deletion failed', async () =>
    deleteWebAccount(await getDb(), accountId, {
      password: form.text('password', 1024),
      confirmed: form.checked('confirm'),
      ip: clientIp(h),
      userAgent: h.get('user-agent'),
    }),
  );
  if (!outcome) return reply.refused('error', t.selfService.settings.generic);
  if (outcome.status === 'invalid') return reply.invalid(deleteAccountErrors(outcome.fieldErrors, await requestLocale()));
  if (outcome.status === 'limited') return reply.limited(outcome.retryAfterSeconds);
  if (outcome.status === 'gone') return reply.refused('gone', t.selfService.settings.gone);
  // The account's sessions ended with it; this clears the browser's cookie.
  await signOut({ redirectTo: '/account/deleted' });
  return reply.idle();
});
