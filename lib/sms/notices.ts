// The SMS twin of a notice (SPEC §18), queued in the transaction of the event that causes it:
// only with the patient's SMS consent and a mobile number; the facility's name, the first name
// and the portal's address, never a link with a token; notices that are not about security wait
// out the quiet hours.
import type { Db } from '@/db/client';
import { patients, webAccounts } from '@/db/schema';
import { hasConsent } from '@/lib/account/consent-history';
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';
import { countSmsQueued } from '@/lib/metrics';
import { enqueueSms } from './outbox';
import { canTakeSms, parsePhone } from '@/lib/phone';
import { parseQuietHours, releaseTime } from './quiet-hours';
import { portalAddress, renderSms, type SmsTemplateName } from './templates';
import { readAccountWithPatient } from '@/lib/account/account-with-patient';

/** Security notices go at once, whatever the hour: a stolen mailbox is when the email one fails. */
const SECURITY: Record<SmsTemplateName, boolean> = {
  verified: false,
  emailChanged: true,
  passwordChanged: true,
  signInLocked: true,
  passkeyAdded: true,
};

/** Queues the SMS of `notice` for the account in `tx`; false when there is nothing to send it to. */
export async function queueSmsNotice(tx: Db, accountId: string, notice: SmsTemplateName, now = new Date()): Promise<boolean> {
  const account = await readAccountWithPatient(tx, accountId, {
    phone: webAccounts.phone,
    locale: webAccounts.locale,
    firstName: patients.firstName,
  });
  if (!account?.phone) return false;
  const phone = parsePhone(account.phone);
  // A landline has no SMS channel, whatever was once ticked.
  if (!phone.ok || !canTakeSms(phone)) return false;
  if (!(await hasConsent(tx, accountId, 'sms'))) return false;
  const body = renderSms(account.locale, notice, {
    facility: facility().facilityName,
    firstName: account.firstName,
    portal: portalAddress(env.APP_URL),
  });
  const release = SECURITY[notice] ? now : releaseTime(now, parseQuietHours(env.SMS_QUIET_HOURS));
  await enqueueSms(tx, {
    recipient: phone.e164,
    body,
    template: notice,
    accountId,
    notBefore: release.getTime() > now.getTime() ? release : undefined,
  });
  countSmsQueued(notice);
  return true;
}
