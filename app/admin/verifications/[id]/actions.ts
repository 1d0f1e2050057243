'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { StaffPrincipal } from '@/lib/auth/auth';
import type { DecisionResult, LiftResult } from '@/lib/staff/decision-outcomes';
import { liftSignInLockByStaff } from '@/lib/staff/sign-in-locks';
import { blockAccount, resendActivationByStaff, unblockAccount, verifyAccount } from '@/lib/staff/verification-decisions';
import { isUuid, postAction, type Form } from '@/lib/web/action';

// Admin actions are public endpoints like any other: each checks the caller's role itself and
// validates its input, whatever page the form came from. The outcome travels to the page as a
// code (`done=…` or `error=…`), which the page words.

const decision = (
  who: 'staff' | 'admin',
  done: string,
  run: (staff: StaffPrincipal, accountId: string, form: Form) => Promise<DecisionResult | LiftResult>,
) =>
  postAction(who, async ({ caller, form }) => {
    const accountId = form.text('accountId', 64);
    if (!isUuid(accountId)) redirect('/admin/verifications');
    const result = await run(caller, accountId, form);
    redirect(`/admin/verifications/${accountId}?${result.ok ? `done=${done}` : `error=${result.error}`}`);
  });

export const verifyAction = decision('staff', 'verified', async (staff, id, form) =>
  verifyAccount(await getDb(), staff, id, form.text('document', 40)),
);

export const blockAction = decision('staff', 'blocked', async (staff, id, form) =>
  blockAccount(await getDb(), staff, id, form.text('reason', 2000)),
);

export const unblockAction = decision('admin', 'unblocked', async (staff, id) => unblockAccount(await getDb(), staff, id));

export const resendActivationStaffAction = decision('staff', 'resent', async (staff, id) =>
  resendActivationByStaff(await getDb(), staff, id),
);

/** Lifts the lock of sign-in by password that many failed attempts put on the account. */
export const liftSignInLockAction = decision('staff', 'signin_unlocked', async (staff, id) =>
  liftSignInLockByStaff(await getDb(), staff, id),
);
