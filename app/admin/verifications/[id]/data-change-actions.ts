'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { acceptDataChange, rejectDataChange } from '@/lib/staff/data-changes';
import { isUuid, postAction } from '@/lib/web/action';

// Like every admin action: the role is checked here, and the change must belong to the account
// named in the form, whatever page the post came from.
const decision = (outcome: 'accepted' | 'rejected') =>
  postAction('staff', async ({ caller, form }) => {
    const accountId = form.text('accountId', 64);
    const changeId = form.text('changeId', 64);
    if (!isUuid(accountId) || !isUuid(changeId)) redirect('/admin/verifications');
    const run = outcome === 'accepted' ? acceptDataChange : rejectDataChange;
    const result = await run(await getDb(), caller, accountId, changeId);
    redirect(`/admin/verifications/${accountId}?${result.ok ? `done=change-${outcome}` : `error=${result.error}`}`);
  });

export const acceptDataChangeAction = decision('accepted');

export const rejectDataChangeAction = decision('rejected');
