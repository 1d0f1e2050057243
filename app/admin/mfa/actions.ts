'use server';

import { getDb } from '@/db/client';
import { confirmEnrolment } from '@/lib/auth/mfa';
import { recordStaffEvent } from '@/lib/auth/sign-in-events';
import type { EnrolState } from '@/components/mfa/enrolment-form';
import { pl } from '@/lib/messages/pl';
import { consume, reset } from '@/lib/security/rate-limit';
import { formAction, rateLimited } from '@/lib/web/action';

/** A signed-in staff member enrols (when STAFF_MFA=optional let them in without one). */
export const enableStaffMfaAction = formAction<EnrolState, 'staff'>(
  'staff',
  async ({ caller: staff, form, reply }) => {
    const code = form.text('code', 1024).trim().slice(0, 16);
    if (!/^\d{6}$/.test(code)) return code ? reply.refused('failed', pl.mfa.failed) : reply.refused('required', pl.mfa.required);
    const db = await getDb();
    const wait = await rateLimited(db, 'mfaAccount', staff.id, 'peek');
    if (wait !== null) return reply.limited(wait);
    const result = await confirmEnrolment(db, { kind: 'staff', id: staff.id }, code);
    if (!result.ok) {
      await consume(db, 'mfaAccount', staff.id);
      return reply.refused('failed', pl.mfa.failed);
    }
    await reset(db, 'mfaAccount', staff.id);
    await recordStaffEvent(db, staff.id, 'staff.signin.mfa_enrolled');
    return { ...reply.ok(), recoveryCodes: result.recoveryCodes };
  },
  { signedOut: (reply) => reply.refused('session', pl.session.ended) },
);
