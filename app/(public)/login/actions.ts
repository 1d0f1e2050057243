'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { CodeState } from '@/components/mfa/code-form';
import type { EnrolState } from '@/components/mfa/enrolment-form';
import { getDb } from '@/db/client';
import { confirmEnrolment } from '@/lib/auth/mfa';
import { writeSessionCookie } from '@/lib/auth/session-cookie';
import { clearPendingSignIn, readPendingSignIn, writePendingSignIn } from '@/lib/auth/pending-sign-in';
import { recordStaffEvent } from '@/lib/auth/sign-in-events';
import { codeStep, enrolledPending, enrolledStep, mfaOwner, passwordStep, returnPath, type StepResult } from '@/lib/auth/sign-in-flow';
import { env } from '@/lib/env';
import { countSignIn } from '@/lib/metrics';
import { clientIp } from '@/lib/request';
import { formAction, postAction, type ActionState } from '@/lib/web/action';
import { malformedEnrolmentCode, refusedStep } from '@/lib/web/sign-in-answers';

// Signing in has no caller yet: the password step is open to anyone, and the steps after it
// (the code, enrolment) act only on the pending sign-in kept in a signed, short-lived cookie.

export type SignInState = ActionState<'required' | 'failed' | 'blocked', 'login'>;

/** Turns a finished sign-in into the session cookie and goes on. */
async function finish(result: Extract<StepResult, { status: 'complete' }>): Promise<never> {
  await writeSessionCookie(env.AUTH_SECRET, result.grant);
  redirect(returnPath(result.next, result.role));
}

export const signInAction = formAction<SignInState, 'anyone'>('anyone', async ({ form, reply, t }) => {
  const login = form.text('login', 64).trim();
  const password = form.text('password', 1024);
  const next = form.text('next', 512) || undefined;
  // The login is typed again for the patient; the password never is.
  if (!login || !password) return reply.refused('required', t.signIn.required, { login });
  const db = await getDb();
  const result = await passwordStep(db, login, password, clientIp(await headers()), next);
  countSignIn(result);
  if (result.status === 'refused') return refusedStep(reply, result, t.signIn.failed, t, { login });
  if (result.status === 'second-factor') {
    await writePendingSignIn(result.pending);
    redirect(result.pending.stage === 'enrol' ? '/login/mfa-setup' : '/login/code');
  }
  return finish(result);
});

export const codeAction = formAction<CodeState, 'anyone'>('anyone', async ({ form, reply, t }) => {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') return reply.refused('expired', t.mfa.expired);
  const code = form.text('code', 64).trim();
  if (!code) return reply.refused('required', t.mfa.required);
  const db = await getDb();
  const result = await codeStep(db, pending, code, clientIp(await headers()));
  countSignIn(result, 'code');
  if (result.status === 'refused') return refusedStep(reply, result, t.mfa.failed, t);
  if (result.status !== 'complete') return reply.refused('failed', t.mfa.failed);
  await clearPendingSignIn();
  return finish(result);
});

/** Enrolment straight after the password (staff without a second factor, STAFF_MFA=required). */
export const confirmEnrolmentAtSignInAction = formAction<EnrolState, 'anyone'>('anyone', async ({ form, reply, t }) => {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'enrol') return reply.refused('expired', t.mfa.expired);
  const code = form.text('code', 64).trim();
  const malformed = malformedEnrolmentCode(reply, code, t);
  if (malformed) return malformed;
  const db = await getDb();
  const result = await confirmEnrolment(db, mfaOwner(pending), code);
  if (!result.ok) return result.reason === 'invalid' ? reply.refused('failed', t.mfa.failed) : reply.refused('expired', t.mfa.expired);
  if (pending.role !== 'patient') await recordStaffEvent(db, pending.id, 'staff.signin.mfa_enrolled', {}, clientIp(await headers()));
  await writePendingSignIn(enrolledPending(pending));
  return { ...reply.ok(), recoveryCodes: result.recoveryCodes };
});

/** After the recovery codes were shown: the session is issued. */
export const continueAfterEnrolmentAction = postAction('anyone', async () => {
  const pending = await readPendingSignIn();
  if (!pending) redirect('/login');
  const result = await enrolledStep(await getDb(), pending, clientIp(await headers()));
  await clearPendingSignIn();
  if (result.status !== 'complete') redirect('/login');
  countSignIn(result, 'code');
  await finish(result);
});
