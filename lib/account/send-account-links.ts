// "Send me a new link" and "I forgot my password". Both answer the same whatever the input, so
// nobody can learn from them which addresses or logins have accounts.
import { eq, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { patients, webAccounts } from '@/db/schema';
import { issueAccountToken } from '@/lib/account/issue-account-token';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { generateToken } from '@/lib/secret-tokens';
import { selectAccountsWithPatients } from './account-with-patient';
import { RESET_TTL_HOURS, renderActivationEmail, renderPasswordResetEmail } from './emails';

/** What sending an account link needs to know of its account. */
export const linkRecipientColumns = {
  id: webAccounts.id,
  login: webAccounts.login,
  email: webAccounts.email,
  status: webAccounts.status,
  locale: webAccounts.locale,
  firstName: patients.firstName,
  // Waiting for its activation link: no password yet and never activated. Usually
  // pending_activation; an account registered through login.gov.pl is verified while it waits.
  waiting: sql<boolean>`${webAccounts.status} <> 'blocked' and ${webAccounts.passwordHash} is null and ${webAccounts.activatedAt} is null and ${webAccounts.status} <> 'active'`,
};

async function findAccount(db: Db, identifier: string, by: 'email' | 'email or login') {
  const value = identifier.trim().slice(0, 254);
  if (value === '') return undefined;
  const byEmail = eq(webAccounts.email, value);
  const [row] = await selectAccountsWithPatients(db, linkRecipientColumns)
    .where(by === 'email' ? byEmail : or(byEmail, eq(webAccounts.login, value)))
    .limit(1);
  return row;
}

/** A fresh activation link for an account still waiting for its password; older links stop working. */
export async function resendActivationLink(db: Db, email: string): Promise<void> {
  const account = await findAccount(db, email, 'email');
  if (!account || !account.waiting) return;
  await sendActivationLink(db, account);
}

/**
 * Issues a new activation token (older ones stop working) and queues its email; `audit` adds
 * the staff member's audit entry to the same transaction.
 */
export async function sendActivationLink(
  db: Db,
  account: { id: string; login: string; email: string; firstName: string; locale: Locale },
  audit?: (tx: Db) => Promise<unknown>,
): Promise<void> {
  const token = generateToken();
  const message = await renderActivationEmail({ firstName: account.firstName, login: account.login, token, locale: account.locale });
  await db.transaction(async (tx) => {
    await issueAccountToken(tx, { accountId: account.id, purpose: 'activation', ttlHours: env.ACTIVATION_TTL_HOURS, token });
    await enqueueEmail(tx, { ...message, recipient: account.email, accountId: account.id });
    await audit?.(tx);
  });
  mailQueued();
}

/** A password-reset link (1 h, single use) for an activated account, by login or email. */
export async function requestPasswordReset(db: Db, identifier: string): Promise<void> {
  const account = await findAccount(db, identifier, 'email or login');
  if (!account || (account.status !== 'active' && account.status !== 'verified')) return;
  const token = generateToken();
  const message = await renderPasswordResetEmail({ firstName: account.firstName, token, locale: account.locale });
  await db.transaction(async (tx) => {
    await issueAccountToken(tx, { accountId: account.id, purpose: 'password_reset', ttlHours: RESET_TTL_HOURS, token });
    await enqueueEmail(tx, { ...message, recipient: account.email, accountId: account.id });
  });
  mailQueued();
}
