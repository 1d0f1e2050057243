'use server';

// The settings' actions. Each one acts on the signed-in patient's own account (never an id from
// the form), lets the use case judge the input, and ends with a redirect (the page shows what
// happened) or with the form's state.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { cancelEmailChange, requestEmailChange } from '@/lib/account/change-email';
import { changePassword } from '@/lib/account/change-password';
import { keepContactValues, updateContactDetails, validateContactDetails } from '@/lib/account/contact-details';
import { endAllSessions } from '@/lib/account/sessions';
import { currentSession, signOut } from '@/lib/auth/auth';
import { wordsFor } from '@/lib/messages';
import { requestLocale } from '@/lib/i18n/request-locale';
import type { Catalogue } from '@/lib/messages/catalogue';
import { clientIp } from '@/lib/request';
import { attempt, formAction, postAction, type FieldErrors, type Reply, type Values } from '@/lib/web/action';
import { emailChangeErrors } from '../field-errors';
import type { AccountFormState } from '../form-state';

const generic = (reply: Reply, t: Catalogue, values?: Values) => reply.refused('error', t.selfService.settings.generic, values);
const gone = (reply: Reply, t: Catalogue, values?: Values) => reply.refused('gone', t.selfService.settings.gone, values);

export const changePasswordAction = formAction<AccountFormState, 'patient'>('patient', async ({ caller: accountId, form, reply, t }) => {
  const ip = clientIp(await headers());
  const keepSession = (await currentSession()).principal?.sid;
  const outcome = await attempt('password change failed', async () =>
    changePassword(await getDb(), accountId, {
      currentPassword: form.text('currentPassword', 1024),
      password: form.text('password', 1024),
      repeat: form.text('passwordRepeat', 1024),
      ip,
      keepSession,
    }),
  );
  if (!outcome) return generic(reply, t);
  if (outcome.status === 'limited') return reply.limited(outcome.retryAfterSeconds);
  if (outcome.status === 'gone') return gone(reply, t);
  if (outcome.status === 'invalid') {
    const fieldErrors: FieldErrors = {};
    if (outcome.wrongCurrent) fieldErrors.currentPassword = t.selfService.settings.wrongPassword;
    if (outcome.broken.length > 0) fieldErrors.password = t.selfService.settings.password.failed;
    // Neither password comes back: the form starts empty with the broken rules listed.
    return { ...reply.invalid(fieldErrors), broken: outcome.broken };
  }
  // Every other session ended with the change; this browser's lives on (lib/account/sessions.ts).
  // Without one to keep (it ended meanwhile), the patient signs in again with the new password.
  redirect(outcome.reissueSession ? '/login' : '/account/settings?done=password');
});

export const requestEmailChangeAction = formAction<AccountFormState, 'patient'>(
  'patient',
  async ({ caller: accountId, form, reply, t }) => {
    const newEmail = form.text('newEmail', 1000);
    const values = { newEmail: newEmail.slice(0, 300) };
    const ip = clientIp(await headers());
    const outcome = await attempt('email change request failed', async () =>
      requestEmailChange(await getDb(), accountId, { newEmail, currentPassword: form.text('currentPassword', 1024), ip }),
    );
    if (!outcome) return generic(reply, t, values);
    if (outcome.status === 'sent') redirect('/account/settings?done=email-sent');
    if (outcome.status === 'limited') return reply.limited(outcome.retryAfterSeconds, values);
    if (outcome.status === 'gone') return gone(reply, t, values);
    if (outcome.status === 'conflict') return reply.refused('conflict', t.register.conflict.body, values);
    return reply.invalid(emailChangeErrors(outcome.fieldErrors, newEmail, await requestLocale()), values);
  },
);

export const cancelEmailChangeAction = postAction('patient', async ({ caller: accountId }) => {
  await cancelEmailChange(await getDb(), accountId);
  redirect('/account/settings?done=email-cancelled');
});

export const updateContactAction = formAction<AccountFormState, 'patient'>('patient', async ({ caller: accountId, form, reply, t }) => {
  const raw = form.all();
  const values = keepContactValues(raw) as Values;
  const validation = validateContactDetails(raw, wordsFor(await requestLocale()).register.errors);
  if (!validation.ok) return reply.invalid(validation.fieldErrors, values);
  const outcome = await attempt('contact change failed', async () => updateContactDetails(await getDb(), accountId, validation.data));
  if (!outcome) return generic(reply, t, values);
  if (outcome.status === 'gone') return gone(reply, t, values);
  redirect(`/account/settings?done=contact-${outcome.status}`);
});

export const signOutEverywhereAction = postAction('patient', async ({ caller: accountId }) => {
  await endAllSessions(await getDb(), accountId);
  await signOut({ redirectTo: '/login' });
});
