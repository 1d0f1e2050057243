'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth/auth';
import { confirmEnrolment, hasSecondFactor } from '@/lib/auth/mfa';
import { clearPendingSignIn, readPendingSignIn, writePendingSignIn } from '@/lib/auth/pending-sign-in';
import { recordStaffEvent } from '@/lib/auth/sign-in-events';
import { codeStep, issueSignInTicket, mfaOwner, passwordStep, returnPath, type StepResult } from '@/lib/auth/sign-in-flow';
import { countSignIn } from '@/lib/metrics';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { describeWait } from '@/lib/security/rate-limit';
import { headers } from 'next/headers';

export type SignInState = { error?: string; login?: string };
export type CodeState = { error?: string };
export type EnrolState = { error?: string; recoveryCodes?: string[] };

const text = (v: FormDataEntryValue | null, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

function refusal(result: Extract<StepResult, { status: 'refused' }>, failed: string): string {
  switch (result.reason) {
    case 'pending':
      return pl.signIn.pending;
    case 'blocked':
      return pl.signIn.blocked;
    case 'limited':
      return pl.limited(describeWait(result.retryAfterSeconds));
    default:
      return failed;
  }
}

/** Turns a finished sign-in into the session cookie and goes on (Auth.js redirects by throwing). */
async function finish(result: Extract<StepResult, { status: 'complete' }>): Promise<never> {
  await signIn('credentials', { ticket: result.ticket, redirectTo: returnPath(result.next, result.role) });
  throw new Error('signIn did not redirect');
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const login = text(formData.get('login'), 64).trim();
  const password = text(formData.get('password'), 1024);
  const next = text(formData.get('next'), 512) || undefined;
  if (!login || !password) return { error: pl.signIn.required, login };
  const db = await getDb();
  const result = await passwordStep(db, login, password, clientIp(await headers()), next);
  countSignIn(result);
  if (result.status === 'refused') return { error: refusal(result, pl.signIn.failed), login };
  if (result.status === 'second-factor') {
    await writePendingSignIn(result.pending);
    redirect(result.pending.stage === 'enrol' ? '/login/mfa-setup' : '/login/code');
  }
  return finish(result);
}

export async function codeAction(_previous: CodeState, formData: FormData): Promise<CodeState> {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'code') return { error: pl.mfa.expired };
  const code = text(formData.get('code'), 64).trim();
  if (!code) return { error: pl.mfa.required };
  const db = await getDb();
  const result = await codeStep(db, pending, code, clientIp(await headers()));
  countSignIn(result, 'code');
  if (result.status !== 'complete') return { error: result.status === 'refused' ? refusal(result, pl.mfa.failed) : pl.mfa.failed };
  await clearPendingSignIn();
  return finish(result);
}

/** Enrolment straight after the password (staff without a second factor, STAFF_MFA=required). */
export async function confirmEnrolmentAtSignInAction(_previous: EnrolState, formData: FormData): Promise<EnrolState> {
  const pending = await readPendingSignIn();
  if (!pending || pending.stage !== 'enrol') return { error: pl.mfa.expired };
  const code = text(formData.get('code'), 64).trim();
  if (!/^\d{6}$/.test(code)) return { error: code ? pl.mfa.failed : pl.mfa.required };
  const db = await getDb();
  const result = await confirmEnrolment(db, mfaOwner(pending), code);
  if (!result.ok) return { error: result.reason === 'invalid' ? pl.mfa.failed : pl.mfa.expired };
  if (pending.role !== 'patient') await recordStaffEvent(db, pending.id, 'staff.signin.mfa_enrolled', {}, clientIp(await headers()));
  await writePendingSignIn({ ...pending, stage: 'enrolled' });
  return { recoveryCodes: result.recoveryCodes };
}

/** After the recovery codes were shown: the session is issued. */
export async function continueAfterEnrolmentAction(): Promise<void> {
  const pending = await readPendingSignIn();
  const db = await getDb();
  if (!pending || pending.stage !== 'enrolled' || !(await hasSecondFactor(db, mfaOwner(pending)))) redirect('/login');
  await clearPendingSignIn();
  if (pending.role !== 'patient') await recordStaffEvent(db, pending.id, 'staff.signin.success', { mfa: true, method: 'enrolment' }, clientIp(await headers()));
  countSignIn({ status: 'complete' }, 'code');
  await finish({ status: 'complete', ticket: await issueSignInTicket(db, pending), role: pending.role, next: pending.next });
}
