'use server';

import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/auth';
import { confirmEnrolment } from '@/lib/auth/mfa';
import { recordStaffEvent } from '@/lib/auth/sign-in-events';
import { pl } from '@/lib/messages/pl';
import { consume, describeWait, peek, reset } from '@/lib/security/rate-limit';

type State = { error?: string; recoveryCodes?: string[] };

/** A signed-in staff member enrols (when STAFF_MFA=optional let them in without one). */
export async function enableStaffMfaAction(_previous: State, form: FormData): Promise<State> {
  const staff = await currentStaff();
  if (!staff) return { error: pl.session.ended };
  const raw = form.get('code');
  const code = typeof raw === 'string' ? raw.trim().slice(0, 16) : '';
  if (!/^\d{6}$/.test(code)) return { error: code ? pl.mfa.failed : pl.mfa.required };
  const db = await getDb();
  const limit = await peek(db, 'mfaAccount', staff.id);
  if (!limit.ok) return { error: pl.limited(describeWait(limit.retryAfterSeconds)) };
  const result = await confirmEnrolment(db, { kind: 'staff', id: staff.id }, code);
  if (!result.ok) {
    await consume(db, 'mfaAccount', staff.id);
    return { error: pl.mfa.failed };
  }
  await reset(db, 'mfaAccount', staff.id);
  await recordStaffEvent(db, staff.id, 'staff.signin.mfa_enrolled');
  return { recoveryCodes: result.recoveryCodes };
}
