// An account's identity confirmed, at the desk against a document (SPEC §11) or by login.gov.pl
// (SPEC §17): one UPDATE that only an account neither verified nor blocked passes, its audit
// entry, and the patient's notices (the email with their consent, the SMS) in one transaction.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, webAccounts, type VerificationDocument } from '@/db/schema';
import { hasConsent } from '@/lib/account/consent-history';
import { renderIdentityVerifiedEmail } from '@/lib/account/emails';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { queueSmsNotice } from '@/lib/sms/notices';

/** How the identity was checked: by a staff member with a document, or by the national node. */
export type IdentityCheck =
  { method: 'desk'; staffId: string; document: VerificationDocument } | { method: 'login.gov.pl'; loa: string; means: string | null };

/** Whom the notices go to. */
export interface VerifiedPerson {
  email: string;
  locale: Locale;
  firstName: string;
}

/** Marks the account verified; false when it was not waiting for that (verified meanwhile, blocked, gone). */
export async function markIdentityVerified(db: Db, accountId: string, person: VerifiedPerson, check: IdentityCheck): Promise<boolean> {
  const notify = env.MAIL_NOTIFY_VERIFIED && (await hasConsent(db, accountId, 'email'));
  const notice = notify ? await renderIdentityVerifiedEmail({ firstName: person.firstName, locale: person.locale }) : null;
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({
        status: 'verified',
        verifiedAt: new Date(),
        verificationMethod: check.method,
        verifiedBy: check.method === 'desk' ? check.staffId : null,
        verificationDocument: check.method === 'desk' ? check.document : null,
        verificationLoa: check.method === 'desk' ? null : check.loa,
        verificationMeans: check.method === 'desk' ? null : check.means,
      })
      .where(and(eq(webAccounts.id, accountId), inArray(webAccounts.status, ['pending_activation', 'active'])))
      .returning({ id: webAccounts.id });
    if (!row) return false;
    await tx
      .insert(auditLog)
      .values(
        check.method === 'desk'
          ? { staffId: check.staffId, action: 'account.verify', accountId, details: { document: check.document } }
          : { action: 'account.verify', accountId, details: { method: check.method, loa: check.loa, means: check.means } },
      );
    if (notice) await enqueueEmail(tx, { ...notice, recipient: person.email, accountId });
    await queueSmsNotice(tx, accountId, 'verified');
    return true;
  });
  if (done) mailQueued();
  return done;
}
