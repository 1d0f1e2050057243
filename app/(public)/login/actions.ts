'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { CodeState } from '@/components/mfa/code-form';
import type { EnrolState } from '@/components/mfa/enrolment-form';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth/auth';
import { confirmEnrolment, hasSecondFactor } from '@/lib/auth/mfa';
import { clearPendingSignIn, readPendingSignIn, writePendingSignIn } from '@/lib/auth/pending-sign-in';
import { recordStaffEvent } from '@/lib/auth/sign-in-events';
import { codeStep, issueSignInTicket, mfaOwner, passwordStep, returnPath, type StepResult } from '@/lib/auth/sign-in-flow';
import { countSignIn } from '@/lib/metrics';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { formAction, postAction, type ActionState, type Reply, type Values } from '@/lib/web/action';

// Signing in has no caller yet: the password step is open to anyone, and the steps after it
// (the code, enrolment) act only on the pending sign-in kept in a signed, short-lived cookie.

export type SignInState = ActionState<'required' | 'failed' | 'pending' | 'blocked', 'login'>;

/** A refused step in words: the same "wrong login or password" whether the login exists or not. */
function refuse<Field extends string>(
  reply: Reply,
  result: Extract<StepResult, { status: 'refused' }>,
  failed: string,
  values: Values<Field> = {},
) {
  switch (result.reason) {
    case 'pending':
      return reply.refused('pending', pl.signIn.pending, values);
    case 'blocked':
      return reply.refused('blocked', pl.signIn.blocked, values);
    case 'limited':
      return reply.limited(result.retryAfterSeconds, values);
    default:
      return reply.refused('failed', failed, values);
  }
}

/** Turns a finished sign-in into the session cookie and goes on (Auth.js redirects by throwing). */
async function finish(result: Extract<StepResult, { status: 'complete' }>): Promise<never> {
  await signIn('credentials', { ticket: result.ticket, redirectTo: returnPath(result.next, result.role) });
  throw new Error('signIn did not redirect');
}

export const signInAction = formAction<SignInState, 'anyone'>('anyone', async ({ form, reply }) => {
  const login = form.text('login', 64).trim();
  const password = form.text('password', 1024);
  const next = form.text('next', 512) || undefined;
  // The login is typed again for the patient; the password never is.
  if (!login || !password) return reply.refused('required', pl.signIn.required, { login });
  const db = await getDb();
  const result = await passwordStep(db, login, password, clientIp(await headers()), next);
  countSignIn(result);
  if (result.status === 'refused') return refuse(reply, result, pl.signIn.failed, { login });
  if (result.status === 'second-factor') {
    await writePendingSignIn(result.pending);
    redirect(result.pending.stage === 'enrol' ? '/login/mfa-setup' : '/login/code');
  }
  return finish(result);
});

export const codeAction = formAction<CodeState, 'anyone'>('anyone', async ({ form, reply }) => {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') return reply.refused('expired', pl.mfa.expired);
  const code = form.text('code', 64).trim();
  if (!code) return reply.refused('required', pl.mfa.required);
  const db = await getDb();
  const result = await codeStep(db, pending, code, clientIp(await headers()));
  countSignIn(result, 'code');
  if (result.status === 'refused') return refuse(reply, result, pl.mfa.failed);
  if (result.status !== 'complete') return reply.refused('failed', pl.mfa.failed);
  await clearPendingSignIn();
  return finish(result);
});

/** Enrolment straight after the password (staff without a second factor, STAFF_MFA=required). */
export const confirmEnrolmentAtSignInAction = formAction<EnrolState, 'anyone'>('anyone', async ({ form, reply }) => {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'enrol') return reply.refused('expired', pl.mfa.expired);
  const code = form.text('code', 64).trim();
  if (!/^\d{6}$/.test(code)) return code ? reply.refused('failed', pl.mfa.failed) : reply.refused('required', pl.mfa.required);
  const db = await getDb();
  const result = await confirmEnrolment(db, mfaOwner(pending), code);
  if (!result.ok) return result.reason === 'invalid' ? reply.refused('failed', pl.mfa.failed) : reply.refused('expired', pl.mfa.expired);
  if (pending.role !== 'patient') await recordStaffEvent(db, pending.id, 'staff.signin.mfa_enrolled', {}, clientIp(await headers()));
  await writePendingSignIn({ ...pending, stage: 'enrolled' });
  return { ...reply.ok(), recoveryCodes: result.recoveryCodes };
});

/** After the recovery codes were shown: the session is issued. */
export const continueAfterEnrolmentAction = postAction('anyone', async () => {
  const pending = await readPendingSignIn();
  const db = await getDb();
  if (!pending || pending.stage !== 'enrolled' || !(await hasSecondFactor(db, mfaOwner(pending)))) redirect('/login');
  await clearPendingSignIn();
  if (pending.role !== 'patient')
    await recordStaffEvent(db, pending.id, 'staff.signin.success', { mfa: true, method: 'enrolment' }, clientIp(await headers()));
  countSignIn({ status: 'complete' }, 'code');
  await finish({ status: 'complete', ticket: await issueSignInTicket(db, pending), role: pending.role, next: pending.next });
});
