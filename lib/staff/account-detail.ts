// One account as the desk sees it before deciding: the account, its patient record, consents,
// links (with the state each is in), emails and audit entries.
import { desc, eq } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from '@/db/client';
import {
  accountTokens,
  auditLog,
  authSessions,
  consents,
  emailOutbox,
  patients,
  smsOutbox,
  staffAccounts,
  webAccounts,
  type TokenPurpose,
} from '@/db/schema';
import { selectAccountsWithPatients } from '@/lib/account/account-with-patient';
import { tokenState, type TokenState } from '@/lib/account/inspect-account-token';
import { isUuid } from '@/lib/uuid';

/** An emailed link as the desk sees it: its state judged by the rule its own page uses. */
export interface SentLink {
  purpose: TokenPurpose;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  state: Exclude<TokenState, 'unknown'>;
}

// The staff members who verified and blocked, each joined under its own alias (a correlated
// subquery inside sql`` would depend on how Drizzle happens to qualify the columns).
const verifier = alias(staffAccounts, 'verifier');
const blocker = alias(staffAccounts, 'blocker');

/** The account's histories the desk reads newest first. */
type AccountHistory = typeof accountTokens | typeof emailOutbox | typeof smsOutbox | typeof authSessions;

/** Everything the desk needs to decide about one account. */
export async function getAccountDetail(db: Db, accountId: string, now = new Date()) {
  if (!isUuid(accountId)) return null;
  const [account] = await selectAccountsWithPatients(db, {
    account: webAccounts,
    patient: patients,
    verifiedByName: verifier.name,
    blockedByName: blocker.name,
  })
    .leftJoin(verifier, eq(verifier.id, webAccounts.verifiedBy))
    .leftJoin(blocker, eq(blocker.id, webAccounts.blockedBy))
    .where(eq(webAccounts.id, accountId));
  if (!account) return null;
  // The account's newest rows of one of its histories.
  const newest = <T extends SelectedFields>(fields: T, table: AccountHistory, limit: number) =>
    db
      .select(fields as SelectedFields)
      .from(table)
      .where(eq(table.accountId, accountId))
      .orderBy(desc(table.createdAt))
      .limit(limit) as Promise<SelectResultFields<T>[]>;
  const [given, tokens, emails, audit, texts, sessions] = await Promise.all([
    db.select().from(consents).where(eq(consents.accountId, accountId)).orderBy(consents.givenAt),
    newest(
      {
        purpose: accountTokens.purpose,
        createdAt: accountTokens.createdAt,
        expiresAt: accountTokens.expiresAt,
        usedAt: accountTokens.usedAt,
        supersededAt: accountTokens.supersededAt,
      },
      accountTokens,
      10,
    ),
    newest(
      {
        id: emailOutbox.id,
        template: emailOutbox.template,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      },
      emailOutbox,
      20,
    ),
    db
      .select({ action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, staffName: staffAccounts.name })
      .from(auditLog)
      .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
      .where(eq(auditLog.accountId, accountId))
      .orderBy(desc(auditLog.createdAt))
      .limit(50),
    newest(
      {
        id: smsOutbox.id,
        template: smsOutbox.template,
        status: smsOutbox.status,
        attempts: smsOutbox.attempts,
        lastError: smsOutbox.lastError,
        createdAt: smsOutbox.createdAt,
      },
      smsOutbox,
      20,
    ),
    // The account's latest sign-ins with how each signed in and was identified (SPEC §19).
    newest(
      {
        id: authSessions.id,
        createdAt: authSessions.createdAt,
        amr: authSessions.amr,
        identity: authSessions.identity,
        identityLoa: authSessions.identityLoa,
        endedAt: authSessions.endedAt,
      },
      authSessions,
      5,
    ),
  ]);
  const links: SentLink[] = tokens.map(({ supersededAt, ...link }) => ({ ...link, state: tokenState({ ...link, supersededAt }, now) }));
  return { ...account, consents: given, tokens: links, emails, audit, texts, sessions };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccountDetail>>>;
