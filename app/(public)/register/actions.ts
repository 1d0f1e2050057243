'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requestLocale } from '@/lib/i18n/request-locale';
import { clientIp } from '@/lib/request';
import { formAction } from '@/lib/web/action';
import { heldIdentity, spendHeldIdentity } from '@/lib/wk/held-identity';
import { WK_HANDLE_COOKIE, handleCookieOptions } from '@/lib/wk/request-cookie';
import { handleRegistration, type RegisterState } from './submit-registration';

// A public endpoint: anything may arrive here, so everything is judged again on the server.
export const registerAction = formAction<RegisterState, 'anyone'>('anyone', async ({ form, previous }) => {
  const h = await headers();
  const db = await getDb();
  // After login.gov.pl: the person it named, held on the server; the form's four values are not trusted.
  const jar = await cookies();
  const handle = jar.get(WK_HANDLE_COOKIE)?.value;
  const held = await heldIdentity(db, handle);
  const answer = await handleRegistration(db, form.all(), {
    ip: clientIp(h),
    userAgent: h.get('user-agent'),
    locale: await requestLocale(),
    previous,
    held,
  });
  if (answer.status === 'registered') {
    if (held && handle) {
      await spendHeldIdentity(db, handle);
      jar.set(WK_HANDLE_COOKIE, '', await handleCookieOptions(true));
    }
    redirect('/register/sent');
  }
  return answer;
});
