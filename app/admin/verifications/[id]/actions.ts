'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentStaff, type StaffPrincipal } from '@/lib/auth/auth';
import { liftSignInLockByStaff } from '@/lib/staff/sign-in-locks';
import { blockAccount, resendActivationByStaff, unblockAccount, verifyAccount, type DecisionResult } from '@/lib/staff/verification-decisions';

// Admin actions are public endpoints like any other: each checks the caller's role itself and
// validates its input, whatever page the form came from.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: FormDataEntryValue | null, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

async function decide(
  formData: FormData,
  roles: Array<StaffPrincipal['role']>,
  done: string,
  run: (staff: StaffPrincipal, accountId: string) => Promise<DecisionResult | { ok: false; error: string }>,
): Promise<never> {
  const staff = await currentStaff(roles);
  const accountId = text(formData.get('accountId'), 64);
  if (!staff) redirect('/login?error=forbidden');
  if (!UUID.test(accountId)) redirect('/admin/verifications');
  const result = await run(staff, accountId);
  redirect(`/admin/verifications/${accountId}?${result.ok ? `done=${done}` : `error=${result.error}`}`);
}

export async function verifyAction(formData: FormData): Promise<void> {
  await decide(formData, ['registrar', 'admin'], 'verified', async (staff, id) =>
    verifyAccount(await getDb(), staff, id, text(formData.get('document'), 40)),
  );
}

export async function blockAction(formData: FormData): Promise<void> {
  await decide(formData, ['registrar', 'admin'], 'blocked', async (staff, id) =>
    blockAccount(await getDb(), staff, id, text(formData.get('reason'), 2000)),
  );
}

export async function unblockAction(formData: FormData): Promise<void> {
  await decide(formData, ['admin'], 'unblocked', async (staff, id) => unblockAccount(await getDb(), staff, id));
}

export async function resendActivationStaffAction(formData: FormData): Promise<void> {
  await decide(formData, ['registrar', 'admin'], 'resent', async (staff, id) => resendActivationByStaff(await getDb(), staff, id));
}

/** Lifts the lock of sign-in by password that many failed attempts put on the account. */
export async function liftSignInLockAction(formData: FormData): Promise<void> {
  await decide(formData, ['registrar', 'admin'], 'signin_unlocked', async (staff, id) => liftSignInLockByStaff(await getDb(), staff, id));
}
