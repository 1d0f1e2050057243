'use server';

import { revalidatePath } from 'next/cache';
import type { CodeState } from '@/components/mfa/code-form';
import type { EnrolState } from '@/components/mfa/enrolment-form';
import { getDb } from '@/db/client';
import { confirmEnrolment, removeSecondFactor, verifySecondFactor } from '@/lib/auth/mfa';
import type { Catalogue } from '@/lib/messages/catalogue';
import { consume, reset } from '@/lib/security/rate-limit';
import { formAction, rateLimited, type Reply } from '@/lib/web/action';
import { malformedEnrolmentCode } from '@/lib/web/sign-in-answers';

const signedOut = { signedOut: (reply: Reply, t: Catalogue) => reply.refused('session', t.session.ended) };

/** The signed-in patient switches the second factor on (optional for patients). */
export const enablePatientMfaAction = formAction<EnrolState, 'patient'>(
  'patient',
  async ({ caller: accountId, form, reply, t }) => {
    const code = form.text('code', 64).trim();
    const malformed = malformedEnrolmentCode(reply, code, t);
    if (malformed) return malformed;
    const db = await getDb();
    const wait = await rateLimited(db, 'mfaAccount', accountId, 'peek');
    if (wait !== null) return reply.limited(wait);
    const result = await confirmEnrolment(db, { kind: 'patient', id: accountId }, code);
    if (!result.ok) {
      await consume(db, 'mfaAccount', accountId);
      return reply.refused('failed', t.mfa.failed);
    }
    await reset(db, 'mfaAccount', accountId);
    return { ...reply.ok(), recoveryCodes: result.recoveryCodes };
  },
  signedOut,
);

/** Switching it off takes a current code (or a recovery code), not only the session. */
export const disablePatientMfaAction = formAction<CodeState, 'patient'>(
  'patient',
  async ({ caller: accountId, form, reply, t }) => {
    const code = form.text('code', 64).trim();
    if (!code) return reply.refused('required', t.mfa.required);
    const db = await getDb();
    const owner = { kind: 'patient', id: accountId } as const;
    const wait = await rateLimited(db, 'mfaAccount', accountId, 'peek');
    if (wait !== null) return reply.limited(wait);
    if (!(await verifySecondFactor(db, owner, code)).ok) {
      await consume(db, 'mfaAccount', accountId);
      return reply.refused('failed', t.mfa.failed);
    }
    await removeSecondFactor(db, owner);
    revalidatePath('/account/mfa');
    return reply.ok();
  },
  signedOut,
);
