'use server';

// The settings' actions. Each one takes the account from the session (never from the form),
// validates its input in the use case and ends with a redirect (the page shows what happened)
// or with the form's state.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { cancelEmailChange, requestEmailChange } from '@/lib/account/change-email';
import { changePassword } from '@/lib/account/change-password';
import { keepContactValues, updateContactDetails, validateContactDetails } from '@/lib/account/contact-details';
import { endAllSessions } from '@/lib/account/sessions';
import { currentSession, signOut } from '@/lib/auth/auth';
import { logError } from '@/lib/log';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { describeWait } from '@/lib/security/rate-limit';
import type { AccountFormState } from '../form-state';
import { field, nextSubmission, requirePatient } from '../patient-session';

const t = pl.selfService.settings;

const limited = (submission: number, seconds: number, values: Record<string, string> = {}): AccountFormState => ({
  status: 'limited',
  fieldErrors: {},
  values,
  message: pl.limited(describeWait(seconds)),
  submission,
});

const failed = (submission: number, status: 'error' | 'gone', values: Record<string, string> = {}): AccountFormState => ({
  status,
  fieldErrors: {},
  values,
  submission,
});

export async function changePasswordAction(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const accountId = await requirePatient();
  const submission = nextSubmission(previous);
  const password = field(formData, 'password', 1024);
  const ip = clientIp(await headers());
  let outcome;
  try {
    outcome = await changePassword(await getDb(), accountId, {
      currentPassword: field(formData, 'currentPassword', 1024),
      password,
      repeat: field(formData, 'passwordRepeat', 1024),
      ip,
      keepSession: (await currentSession()).principal?.sid,
    });
  } catch (error) {
    logError('password change failed', error);
    return failed(submission, 'error');
  }
  if (outcome.status === 'limited') return limited(submission, outcome.retryAfterSeconds);
  if (outcome.status === 'gone') return failed(submission, 'gone');
  if (outcome.status === 'invalid') {
    const fieldErrors: Record<string, string> = {};
    if (outcome.wrongCurrent) fieldErrors.currentPassword = t.wrongPassword;
    if (outcome.broken.length > 0) fieldErrors.password = t.password.failed;
    return { status: 'invalid', fieldErrors, values: {}, broken: outcome.broken, submission };
  }
  // Every other session ended with the change; this browser's lives on (lib/account/sessions.ts).
  // Without one to keep (it ended meanwhile), the patient signs in again with the new password.
  redirect(outcome.reissueSession ? '/login' : '/account/settings?done=password');
}

export async function requestEmailChangeAction(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const accountId = await requirePatient();
  const submission = nextSubmission(previous);
  const newEmail = field(formData, 'newEmail', 1000);
  const values = { newEmail: newEmail.slice(0, 300) };
  let outcome;
  try {
    outcome = await requestEmailChange(await getDb(), accountId, {
      newEmail,
      currentPassword: field(formData, 'currentPassword', 1024),
      ip: clientIp(await headers()),
    });
  } catch (error) {
    logError('email change request failed', error);
    return failed(submission, 'error', values);
  }
  if (outcome.status === 'sent') redirect('/account/settings?done=email-sent');
  if (outcome.status === 'limited') return limited(submission, outcome.retryAfterSeconds, values);
  if (outcome.status === 'gone') return failed(submission, 'gone', values);
  if (outcome.status === 'conflict') return { status: 'conflict', fieldErrors: {}, values, submission };
  return { status: 'invalid', fieldErrors: outcome.fieldErrors, values, submission };
}

export async function cancelEmailChangeAction(): Promise<void> {
  const accountId = await requirePatient();
  await cancelEmailChange(await getDb(), accountId);
  redirect('/account/settings?done=email-cancelled');
}

export async function updateContactAction(previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const accountId = await requirePatient();
  const submission = nextSubmission(previous);
  const raw = Object.fromEntries(formData.entries());
  const values = keepContactValues(raw) as Record<string, string>;
  const validation = validateContactDetails(raw);
  if (!validation.ok) return { status: 'invalid', fieldErrors: validation.fieldErrors, values, submission };
  let outcome;
  try {
    outcome = await updateContactDetails(await getDb(), accountId, validation.data);
  } catch (error) {
    logError('contact change failed', error);
    return failed(submission, 'error', values);
  }
  if (outcome.status === 'gone') return failed(submission, 'gone', values);
  redirect(`/account/settings?done=contact-${outcome.status}`);
}

export async function signOutEverywhereAction(): Promise<void> {
  const accountId = await requirePatient();
  await endAllSessions(await getDb(), accountId);
  await signOut({ redirectTo: '/login' });
}
