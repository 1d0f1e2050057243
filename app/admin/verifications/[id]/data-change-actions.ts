'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/auth';
import { acceptDataChange, rejectDataChange } from '@/lib/staff/data-changes';

// Like every admin action: the role is checked here, and the change must belong to the account
// named in the form, whatever page the post came from.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v.slice(0, 64) : '');

async function decide(formData: FormData, decision: 'accepted' | 'rejected'): Promise<never> {
  const staff = await currentStaff(['registrar', 'admin']);
  if (!staff) redirect('/login?error=forbidden');
  const accountId = text(formData.get('accountId'));
  const changeId = text(formData.get('changeId'));
  if (!UUID.test(accountId) || !UUID.test(changeId)) redirect('/admin/verifications');
  const run = decision === 'accepted' ? acceptDataChange : rejectDataChange;
  const result = await run(await getDb(), staff, accountId, changeId);
  redirect(`/admin/verifications/${accountId}?${result.ok ? `done=change-${decision}` : `error=${result.error}`}`);
}

export async function acceptDataChangeAction(formData: FormData): Promise<void> {
  await decide(formData, 'accepted');
}

export async function rejectDataChangeAction(formData: FormData): Promise<void> {
  await decide(formData, 'rejected');
}
