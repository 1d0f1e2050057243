// A patient erases their web account (RODO art. 17; withdrawing the data-processing consent).
// The account, its links, sessions, pending emails and rate-limit counters go, and its login and
// email become free. The patient record stays (medical records law), and so do the consent
// history (with the withdrawals appended now) and an audit entry that staff see.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { clearFailures } from '@/lib/security/account-throttle';
import type { Db } from '@/db/client';
import { auditLog, consents, emailOutbox, webAccounts } from '@/db/schema';
import { CONSENTS } from '@/lib/consents';
import { reset } from '@/lib/security/rate-limit';
import { emailChangeLimitSubject } from './change-email';
import { consentHistory, consentStates, type ConsentMeta } from './consent-history';
import { checkCurrentPassword } from './current-password';
import { endAllSessions } from './sessions';
import { lockSignedInAccount } from './signed-in-account';

const ACCOUNT_DELETED_ACTION = 'patient.account_deleted';

export interface DeleteAccountInput extends ConsentMeta {
  password: string;
  confirmed: boolean;
}

/** What is wrong, per field, as codes the route words: the box not ticked, no password, a wrong one. */
export type DeleteAccountErrors = { confirm?: 'required'; password?: 'required' | 'wrong' };

export type DeleteAccountOutcome =
  | { status: 'deleted'; patientId: string }
  | { status: 'invalid'; fieldErrors: DeleteAccountErrors }
  | { status: 'limited'; retryAfterSeconds: number }
  | { status: 'gone' };

export async function deleteWebAccount(
  db: Db,
  accountId: string,
  input: DeleteAccountInput,
  now = new Date(),
): Promise<DeleteAccountOutcome> {
  const fieldErrors: DeleteAccountErrors = {};
  if (!input.confirmed) fieldErrors.confirm = 'required';
  if (input.password === '') fieldErrors.password = 'required';
  if (Object.keys(fieldErrors).length > 0) return { status: 'invalid', fieldErrors };
  const check = await checkCurrentPassword(db, accountId, input.password, input.ip);
  if (!check.ok) {
    if (check.reason === 'limited') return { status: 'limited', retryAfterSeconds: check.retryAfterSeconds };
    return { status: 'invalid', fieldErrors: { password: 'wrong' } };
  }

  const deleted = await db.transaction(async (tx) => {
    const account = await lockSignedInAccount(tx, accountId, {
      login: webAccounts.login,
      email: webAccounts.email,
      patientId: webAccounts.patientId,
    });
    if (!account) return null;

    // The history records that every consent still in force ended with the account.
    const states = consentStates(await consentHistory(tx, accountId));
    const withdrawn = Object.values(states).filter((s) => s.given);
    if (withdrawn.length > 0) {
      await tx.insert(consents).values(
        withdrawn.map((s) => ({
          accountId,
          patientId: account.patientId,
          kind: s.kind,
          action: 'withdrawn' as const,
          channel: 'account' as const,
          textVersion: CONSENTS[s.kind].version,
          givenAt: now,
          ip: input.ip,
          userAgent: input.userAgent?.slice(0, 512) ?? null,
        })),
      );
    }
    // Emails not sent yet are not sent; sent ones keep their subject and status, not their body.
    await tx.delete(emailOutbox).where(and(eq(emailOutbox.accountId, accountId), ne(emailOutbox.status, 'sent')));
    await tx
      .update(emailOutbox)
      .set({ html: '', text: '' })
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.status, 'sent')));
    await endAllSessions(tx, accountId);
    // Written without the account (which is about to go): the entry names it in its details.
    await tx.insert(auditLog).values({
      staffId: null,
      action: ACCOUNT_DELETED_ACTION,
      accountId: null,
      details: {
        account: accountId,
        patient: account.patientId,
        login: account.login,
        consentsWithdrawn: withdrawn.map((s) => s.kind).join(','),
      },
      createdAt: now,
    });
    // Tokens, email changes and data changes go with it (ON DELETE CASCADE); the consent history
    // and audit entries stay, detached (ON DELETE SET NULL).
    await tx.delete(webAccounts).where(inArray(webAccounts.id, [accountId]));
    return account;
  });
  if (!deleted) return { status: 'gone' };

  // Counters keyed by the login or the address would otherwise follow a new account that takes
  // them. (Sign-in counters are per login and address: this address's is cleared, others
  // expire within the hour.)
  await Promise.all([
    reset(db, 'linksAddress', deleted.login),
    reset(db, 'linksAddress', deleted.email),
    reset(db, 'linksAddress', emailChangeLimitSubject(accountId)),
    reset(db, 'signinLogin', `${deleted.login}|${input.ip ?? ''}`),
    clearFailures(db, deleted.login),
  ]);
  return { status: 'deleted', patientId: deleted.patientId };
}
