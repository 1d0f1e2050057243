// The shared front of "send me a new link" and "I forgot my password": rate-limited per
// address and per IP, and answered before the work is done so timing reveals nothing.
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db/client';
import type { Db } from '@/db/client';
import type { LinkRequestState } from '@/components/link-request-form';
import { logError } from '@/lib/log';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { consume, describeWait } from './rate-limit';

export async function handleLinkRequest(value: FormDataEntryValue | null, work: (db: Db, value: string) => Promise<void>): Promise<LinkRequestState> {
  if (typeof value !== 'string' || value.trim() === '') return { sent: false };
  const subject = value.trim().slice(0, 254);
  const db = await getDb();
  const ip = clientIp(await headers());
  const [byIp, byAddress] = await Promise.all([consume(db, 'linksIp', ip), consume(db, 'linksAddress', subject)]);
  const limit = !byIp.ok ? byIp : !byAddress.ok ? byAddress : null;
  if (limit) return { sent: false, limited: pl.limited(describeWait(limit.retryAfterSeconds)) };
  after(() => work(db, subject).catch((error) => logError('link request failed', error)));
  return { sent: true };
}
