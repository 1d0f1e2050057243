'use server';

import { after } from 'next/server';
import { getDb } from '@/db/client';
import type { LinkRequestState } from '@/components/link-request-form';
import { resendActivationLink } from '@/lib/account/request-links';
import { logError } from '@/lib/log';

export async function resendActivationAction(_previous: LinkRequestState, formData: FormData): Promise<LinkRequestState> {
  const email = formData.get('email');
  if (typeof email === 'string' && email.trim() !== '') {
    // After the response: its timing must not reveal whether the address has an account.
    after(() => getDb().then((db) => resendActivationLink(db, email.slice(0, 254))).catch((e) => logError('resend activation failed', e)));
  }
  return { sent: true };
}
