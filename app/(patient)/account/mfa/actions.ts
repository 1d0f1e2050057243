'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { currentPatientId } from '@/lib/auth/auth';
import { confirmEnrolment, removeSecondFactor, verifySecondFactor } from '@/lib/auth/mfa';
import { consume, peek, reset } from '@/lib/security/rate-limit';
import { describeWait } from '@/lib/security/rate-limit';
import { pl } from '@/lib/messages/pl';

type State = { error?: string; recoveryCodes?: string[]; done?: boolean };

const code = (form: FormData) => {
  const value = form.get('code');
  return typeof value === 'string' ? value.slice(0, 64).trim() : '';
};

/** The signed-in patient switches the second factor on (optional for patients). */
export async function enablePatientMfaAction(_previous: State, form: FormData): Promise<State> {
  const accountId = await currentPatientId();
  if (!accountId) return { error: pl.session.ended };
  const value = code(form);
  if (!/^\d{6}$/.test(value)) return { error: value ? pl.mfa.failed : pl.mfa.required };
  const db = await getDb();
  const limit = await peek(db, 'mfaAccount', accountId);
  if (!limit.ok) return { error: pl.limited(describeWait(limit.retryAfterSeconds)) };
  const result = await confirmEnrolment(db, { kind: 'patient', id: accountId }, value);
  if (!result.ok) {
    await consume(db, 'mfaAccount', accountId);
    return { error: pl.mfa.failed };
  }
  await reset(db, 'mfaAccount', accountId);
  return { recoveryCodes: result.recoveryCodes };
}

/** Switching it off takes a current code (or a recovery code), not only the session. */
export async function disablePatientMfaAction(_previous: State, form: FormData): Promise<State> {
  const accountId = await currentPatientId();
  if (!accountId) return { error: pl.session.ended };
  const value = code(form);
  if (!value) return { error: pl.mfa.required };
  const db = await getDb();
  const owner = { kind: 'patient', id: accountId } as const;
  const limit = await peek(db, 'mfaAccount', accountId);
  if (!limit.ok) return { error: pl.limited(describeWait(limit.retryAfterSeconds)) };
  if (!(await verifySecondFactor(db, owner, value)).ok) {
    await consume(db, 'mfaAccount', accountId);
    return { error: pl.mfa.failed };
  }
  await removeSecondFactor(db, owner);
  revalidatePath('/account/mfa');
  return { done: true };
}
