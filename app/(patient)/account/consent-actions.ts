'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { setConsent, toggleableConsents, type ToggleableConsent } from '@/lib/account/consent-history';
import { clientIp } from '@/lib/request';
import { postAction } from '@/lib/web/action';

/** Gives or withdraws the email or SMS consent of the signed-in patient's own account. */
export const setConsentAction = postAction('patient', async ({ caller: accountId, form }) => {
  const kind = form.text('kind', 20) as ToggleableConsent;
  const action = form.text('action', 20);
  if (!toggleableConsents.includes(kind) || (action !== 'given' && action !== 'withdrawn')) redirect('/account');
  const h = await headers();
  const outcome = await setConsent(await getDb(), accountId, kind, action, { ip: clientIp(h), userAgent: h.get('user-agent') });
  redirect(
    outcome.status === 'recorded' ? `/account?consent=${action}#consents-title` : `/account?consent=${outcome.status}#consents-title`,
  );
});
