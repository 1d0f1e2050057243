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
import {
  codeStep,
  enrolledPending,
  enrolledStep,
  mfaOwner,
  passkeySecondStep,
  passkeyStep,
  passwordStep,
  returnPath,
  type StepResult,
} from '@/lib/auth/sign-in-flow';
import { env } from '@/lib/env';
import { countSignIn } from '@/lib/metrics';
import { clientIp } from '@/lib/request';
import { formAction, postAction, rateLimited, waitMessage, type ActionState } from '@/lib/web/action';
import { startPasskeySignIn } from '@/lib/webauthn';
import type { PasskeyOptionsState, PasskeySignInState } from '@/components/passkeys/passkey-sign-in';
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

// Passkeys (issue 22). Two steps, each an action called from the browser with a FormData (proxy.ts
// lets only multipart posts reach actions): the options with a fresh single-use challenge, then
// the authenticator's answer. `step=second` is the step after the password (the pending sign-in's
// own keys only); otherwise any passkey of this site signs in alone.

/** JSON from the authenticator is small; anything bigger is not one. */
const MAX_RESPONSE = 64 * 1024;

export const passkeyOptionsAction = formAction<PasskeyOptionsState, 'anyone'>('anyone', async ({ form, t }) => {
  const db = await getDb();
  // Every challenge is a row: a script must not write them in a loop.
  const wait = await rateLimited(db, 'passkey', clientIp(await headers()), 'consume');
  if (wait !== null) return { status: 'refused', message: waitMessage(wait, t) };
  if (form.text('step', 16) === 'second') {
    const pending = await readPendingSignIn();
    if (!pending || pending.stage !== 'code') return { status: 'refused', message: t.mfa.expired };
    const { handle, options } = await startPasskeySignIn(db, mfaOwner(pending));
    return { status: 'ok', handle, options };
  }
  const { handle, options } = await startPasskeySignIn(db);
  return { status: 'ok', handle, options };
});

export const passkeySignInAction = formAction<PasskeySignInState, 'anyone'>('anyone', async ({ form, t }) => {
  const handle = form.text('handle', 64);
  const raw = form.text('response', MAX_RESPONSE + 1);
  let response: unknown = null;
  try {
    response = raw.length <= MAX_RESPONSE ? JSON.parse(raw) : null;
  } catch {
    response = null;
  }
  const db = await getDb();
  const ip = clientIp(await headers());
  let result: StepResult;
  if (form.text('step', 16) === 'second') {
    const pending = await readPendingSignIn();
    if (!pending || pending.stage !== 'code') return { status: 'refused', message: t.mfa.expired };
    result = await passkeySecondStep(db, pending, handle, response, ip);
    countSignIn(result, 'code');
    if (result.status === 'complete') await clearPendingSignIn();
  } else {
    result = await passkeyStep(db, handle, response, ip, form.text('next', 512) || undefined);
    countSignIn(result);
  }
  if (result.status === 'complete') return finish(result);
  if (result.status === 'refused' && result.reason === 'blocked') return { status: 'refused', message: t.signIn.blocked };
  return { status: 'refused', message: t.login.passkey.failed };
});
