// The shared front of "send me a new link" (/activate/resend) and "I forgot my password"
// (/password/forgot): rate-limited per address and per IP, and answered before the work is
// done, with the same words whatever was typed, so neither the answer nor its timing reveals
// whether an account exists.
import { headers } from 'next/headers';
import { after } from 'next/server';
import { getDb, type Db } from '@/db/client';
import { logError } from '@/lib/log';
import { clientIp } from '@/lib/request';
import { formAction, rateLimited, type ActionState } from '@/lib/web/action';

/** `ok` once the request is taken (whether or not a link goes out). */
export type LinkRequestState = ActionState;

/** The action of a link request form whose one field is `field`; `work` sends the link, if any, after the answer. */
export const linkRequestAction = (field: string, work: (db: Db, value: string) => Promise<void>) =>
  formAction<LinkRequestState, 'anyone'>('anyone', async ({ form, reply }) => {
    const subject = form.text(field, 10_000).trim().slice(0, 254);
    if (subject === '') return reply.idle();
    const db = await getDb();
    const ip = clientIp(await headers());
    const [byIp, byAddress] = await Promise.all([
      rateLimited(db, 'linksIp', ip, 'consume'),
      rateLimited(db, 'linksAddress', subject, 'consume'),
    ]);
    const wait = byIp ?? byAddress;
    if (wait !== null) return reply.limited(wait);
    after(() => work(db, subject).catch((error) => logError('link request failed', error)));
    return reply.ok();
  });
