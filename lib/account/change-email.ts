// A signed-in patient changes the account's email address. The new address gets a single-use,
// short-lived link (only its SHA-256 is stored); the account keeps the old address until the
// link is used, and the old address is told about the request. An address that belongs to
// another account is refused with registration's neutral conflict (it never says which field).
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, emailChanges, patients, webAccounts } from '@/db/schema';
import { uniqueViolation } from '@/lib/db-errors';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { pl } from '@/lib/messages/pl';
import { contactRulesFor } from '@/lib/registration/form';
import { consume } from '@/lib/security/rate-limit';
import { generateToken, hashToken, isWellFormedToken } from '@/lib/secret-tokens';
import { checkCurrentPassword } from './current-password';
import { renderEmailChangeConfirmEmail, renderEmailChangeNoticeEmail } from './emails';
import { queueSmsNotice } from '@/lib/sms/notices';
import { readSignedInAccount } from './signed-in-account';

export const EMAIL_CHANGE_TTL_HOURS = 2;

/** The rate-limit subject of an account's change requests (5 an hour, as new-link requests). */
export const emailChangeLimitSubject = (accountId: string) => `email-change|${accountId}`;

export interface EmailChangeInput {
  newEmail: string;
  currentPassword: string;
  ip: string | null;
}

/**
 * What is wrong, per field, as codes the route words: an address the registration rules refuse
 * (the rules' own message says why), the account's current address, no password, a wrong one.
 */
export type EmailChangeErrors = { newEmail?: 'invalid' | 'same'; currentPassword?: 'required' | 'wrong' };

export type RequestEmailChangeOutcome =
  | { status: 'sent'; newEmail: string; expiresAt: Date }
  | { status: 'invalid'; fieldErrors: EmailChangeErrors }
  | { status: 'conflict' }
  | { status: 'limited'; retryAfterSeconds: number }
  | { status: 'gone' };

const emailTakenBy = async (db: Db, email: string, accountId: string) =>
  (
    await db
      .select({ id: webAccounts.id })
      .from(webAccounts)
      .where(and(eq(webAccounts.email, email), ne(webAccounts.id, accountId)))
      .limit(1)
  ).length > 0;

export async function requestEmailChange(
  db: Db,
  accountId: string,
  input: EmailChangeInput,
  now = new Date(),
): Promise<RequestEmailChangeOutcome> {
  const account = await readSignedInAccount(db, accountId, {
    email: webAccounts.email,
    locale: webAccounts.locale,
    firstName: patients.firstName,
  });
  if (!account) return { status: 'gone' };

  const fieldErrors: EmailChangeErrors = {};
  // Only pass or fail is used here (the route words the refusal), so the messages' language does not matter.
  const parsed = contactRulesFor(pl.register.errors).email.safeParse(input.newEmail);
  const newEmail = parsed.success ? parsed.data : '';
  if (!parsed.success) fieldErrors.newEmail = 'invalid';
  else if (newEmail.toLowerCase() === account.email.toLowerCase()) fieldErrors.newEmail = 'same';
  if (input.currentPassword === '') fieldErrors.currentPassword = 'required';
  if (Object.keys(fieldErrors).length > 0) return { status: 'invalid', fieldErrors };

  const limit = await consume(db, 'linksAddress', emailChangeLimitSubject(accountId));
  if (!limit.ok) return { status: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  const current = await checkCurrentPassword(db, accountId, input.currentPassword, input.ip);
  if (!current.ok) {
    if (current.reason === 'limited') return { status: 'limited', retryAfterSeconds: current.retryAfterSeconds };
    return { status: 'invalid', fieldErrors: { currentPassword: 'wrong' } };
  }
  // Only after the password: a stolen session cannot probe which addresses have accounts.
  if (await emailTakenBy(db, newEmail, accountId)) return { status: 'conflict' };

  const token = generateToken();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3600_000);
  const [confirm, notice] = await Promise.all([
    renderEmailChangeConfirmEmail({ firstName: account.firstName, token, validHours: EMAIL_CHANGE_TTL_HOURS, locale: account.locale }),
    renderEmailChangeNoticeEmail({ firstName: account.firstName, newEmail, locale: account.locale }),
  ]);
  await db.transaction(async (tx) => {
    await supersedePending(tx, accountId, now);
    await tx.insert(emailChanges).values({ accountId, newEmail, tokenHash: hashToken(token), expiresAt, createdAt: now });
    await enqueueEmail(tx, { ...confirm, recipient: newEmail, accountId });
    await enqueueEmail(tx, { ...notice, recipient: account.email, accountId });
  });
  mailQueued();
  return { status: 'sent', newEmail, expiresAt };
}

async function supersedePending(tx: Db, accountId: string, now: Date) {
  await tx
    .update(emailChanges)
    .set({ supersededAt: now })
    .where(and(eq(emailChanges.accountId, accountId), isNull(emailChanges.usedAt), isNull(emailChanges.supersededAt)));
}

/** The patient cancels a change: its link stops working. */
export async function cancelEmailChange(db: Db, accountId: string, now = new Date()): Promise<void> {
  await supersedePending(db, accountId, now);
}

/** The change waiting for its link, if any. */
export async function pendingEmailChange(db: Db, accountId: string, now = new Date()) {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt, createdAt: emailChanges.createdAt })
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.accountId, accountId),
        isNull(emailChanges.usedAt),
        isNull(emailChanges.supersededAt),
        gt(emailChanges.expiresAt, now),
      ),
    );
  return row ?? null;
}

export type EmailChangeState = 'valid' | 'unknown' | 'expired' | 'used' | 'superseded';

export interface EmailChangeInfo {
  state: EmailChangeState;
  accountId?: string;
  newEmail?: string;
}

export async function inspectEmailChange(db: Db, token: string, now = new Date()): Promise<EmailChangeInfo> {
  if (!isWellFormedToken(token)) return { state: 'unknown' };
  const [row] = await db
    .select({ change: emailChanges, status: webAccounts.status })
    .from(emailChanges)
    .innerJoin(webAccounts, eq(webAccounts.id, emailChanges.accountId))
    .where(eq(emailChanges.tokenHash, hashToken(token)));
  if (!row || row.status === 'blocked') return { state: 'unknown' };
  const info = { accountId: row.change.accountId, newEmail: row.change.newEmail };
  if (row.change.usedAt) return { state: 'used', ...info };
  if (row.change.supersededAt) return { state: 'superseded', ...info };
  if (row.change.expiresAt <= now) return { state: 'expired', ...info };
  return { state: 'valid', ...info };
}

export type ConfirmEmailChangeOutcome =
  | { status: 'confirmed'; accountId: string; newEmail: string }
  | { status: 'token'; state: Exclude<EmailChangeState, 'valid'> }
  | { status: 'other_account' }
  | { status: 'conflict' };

/**
 * Uses a confirmation link. The link is the authority, but a patient signed in to another
 * account cannot use it. The token is spent by one conditional UPDATE; an address taken by
 * another account in the meantime is a conflict and leaves the link unspent.
 */
export async function confirmEmailChange(
  db: Db,
  token: string,
  signedInAccountId: string | null,
  now = new Date(),
): Promise<ConfirmEmailChangeOutcome> {
  const info = await inspectEmailChange(db, token, now);
  if (info.state !== 'valid') return { status: 'token', state: info.state };
  if (signedInAccountId && signedInAccountId !== info.accountId) return { status: 'other_account' };
  if (await emailTakenBy(db, info.newEmail!, info.accountId!)) return { status: 'conflict' };
  try {
    const outcome = await db.transaction(async (tx) => {
      const [spent] = await tx
        .update(emailChanges)
        .set({ usedAt: now })
        .where(
          and(
            eq(emailChanges.tokenHash, hashToken(token)),
            isNull(emailChanges.usedAt),
            isNull(emailChanges.supersededAt),
            gt(emailChanges.expiresAt, now),
          ),
        )
        .returning({ accountId: emailChanges.accountId, newEmail: emailChanges.newEmail });
      if (!spent) return { status: 'token', state: 'used' } as const;
      const [account] = await tx
        .update(webAccounts)
        .set({ email: spent.newEmail })
        .where(and(eq(webAccounts.id, spent.accountId), ne(webAccounts.status, 'blocked')))
        .returning({ id: webAccounts.id });
      if (!account) throw new Refused({ status: 'token', state: 'unknown' });
      // Reset links went to the old address; they must not outlive the change.
      await tx
        .update(accountTokens)
        .set({ supersededAt: now })
        .where(
          and(
            eq(accountTokens.accountId, spent.accountId),
            eq(accountTokens.purpose, 'password_reset'),
            isNull(accountTokens.usedAt),
            isNull(accountTokens.supersededAt),
          ),
        );
      // The owner hears of it on the other channel too: if the mailbox was taken over, the
      // email notices go to the attacker from now on.
      await queueSmsNotice(tx, spent.accountId, 'emailChanged', now);
      return { status: 'confirmed', accountId: spent.accountId, newEmail: spent.newEmail } as const;
    });
    // The SMS notice is a security one and goes at once: wake the worker (PGlite has no NOTIFY).
    if (outcome.status === 'confirmed') mailQueued();
    return outcome;
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    if (uniqueViolation(error) === 'web_accounts_email_key') return { status: 'conflict' };
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly outcome: ConfirmEmailChangeOutcome) {
    super();
  }
}
