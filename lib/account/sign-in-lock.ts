// What follows when a login's sign-in by password has just been locked (lib/security/
// account-throttle.ts): the owner of a patient account gets one email with a password-reset
// link (setting a password with it lifts the lock); a staff member has no email here, so the
// lock goes to the audit log and an admin lifts it with `npm run staff -- unlock`. An unknown
// login has no one to tell. Done after the response, so its timing reveals nothing either.
import { after } from 'next/server';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, patients, staffAccounts, webAccounts } from '@/db/schema';
import { issueAccountToken } from '@/lib/account/issue-account-token';
import { logError } from '@/lib/log';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { normaliseLogin } from '@/lib/security/account-throttle';
import { generateToken } from '@/lib/secret-tokens';
import { selectAccountsWithPatients } from './account-with-patient';
import { RESET_TTL_HOURS, renderSignInLockedEmail } from './emails';
import { queueSmsNotice } from '@/lib/sms/notices';

async function announceSignInLock(db: Db, login: string, lockedUntil: Date, ip: string | null): Promise<void> {
  // Logins are ASCII, so the counter's normalisation names the login the citext `=` finds.
  const name = normaliseLogin(login);
  const [staff] = await db.select({ id: staffAccounts.id }).from(staffAccounts).where(eq(staffAccounts.login, name)).limit(1);
  if (staff) {
    await db
      .insert(auditLog)
      .values({ staffId: staff.id, action: 'staff.signin.locked', details: { until: lockedUntil.toISOString(), ip } });
    return;
  }
  const [account] = await selectAccountsWithPatients(db, {
    id: webAccounts.id,
    email: webAccounts.email,
    status: webAccounts.status,
    locale: webAccounts.locale,
    firstName: patients.firstName,
  })
    .where(eq(webAccounts.login, name))
    .limit(1);
  // Only an account that can sign in with a password can use a reset link.
  if (!account || (account.status !== 'active' && account.status !== 'verified')) return;
  const token = generateToken();
  const message = await renderSignInLockedEmail({ firstName: account.firstName, token, lockedUntil, locale: account.locale });
  await db.transaction(async (tx) => {
    await issueAccountToken(tx, { accountId: account.id, purpose: 'password_reset', ttlHours: RESET_TTL_HOURS, token });
    await enqueueEmail(tx, { ...message, recipient: account.email, accountId: account.id });
    await queueSmsNotice(tx, account.id, 'signInLocked');
  });
  mailQueued();
}

/**
 * Runs `announceSignInLock` after the response when called within a request (Next's `after`),
 * at once otherwise (tests, scripts). Its failure is logged, never shown to the one signing in.
 */
export async function announceSignInLockLater(db: Db, login: string, lockedUntil: Date, ip: string | null): Promise<void> {
  const work = () => announceSignInLock(db, login, lockedUntil, ip).catch((error) => logError('sign-in lock notice failed', error));
  try {
    after(work);
  } catch {
    await work(); // `after` refuses to run outside a request scope
  }
}
