'use server';

import { after } from 'next/server';
import { getDb } from '@/db/client';
import type { LinkRequestState } from '@/components/link-request-form';
import { requestPasswordReset } from '@/lib/account/request-links';
import { logError } from '@/lib/log';

export async function forgotPasswordAction(_previous: LinkRequestState, formData: FormData): Promise<LinkRequestState> {
  const identifier = formData.get('identifier');
  if (typeof identifier === 'string' && identifier.trim() !== '') {
    // After the response: its timing must not reveal whether the account exists.
    after(() => getDb().then((db) => requestPasswordReset(db, identifier.slice(0, 254))).catch((e) => logError('password reset request failed', e)));
  }
  return { sent: true };
}
