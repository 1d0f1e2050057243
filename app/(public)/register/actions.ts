'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestLocale } from '@/lib/i18n/request-locale';
import { clientIp } from '@/lib/request';
import { formAction } from '@/lib/web/action';
import { handleRegistration, type RegisterState } from './submit-registration';

// A public endpoint: anything may arrive here, so everything is judged again on the server.
export const registerAction = formAction<RegisterState, 'anyone'>('anyone', async ({ form, previous }) => {
  const h = await headers();
  const answer = await handleRegistration(await getDb(), form.all(), {
    ip: clientIp(h),
    userAgent: h.get('user-agent'),
    locale: await requestLocale(),
    previous,
  });
  if (answer.status === 'registered') redirect('/register/sent');
  return answer;
});
