// One account as the desk sees it before deciding: the account, its patient record, consents,
// links (with the state each is in), emails and audit entries.
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

/** Everything the desk needs to decide about one account. */
export async function getAccountDetail(db: Db, accountId: string, now = new Date()) {
  if (!isUuid(accountId)) return null;
  const [account] = await db
    .select({ account: webAccounts, patient: patients, verifiedByName: verifier.name, blockedByName: blocker.name })
    .from(webAccounts)
    .innerJoin(patients, eq(patients.id, webAccounts.patientId))
    .leftJoin(verifier, eq(verifier.id, webAccounts.verifiedBy))
    .leftJoin(blocker, eq(blocker.id, webAccounts.blockedBy))
    .where(eq(webAccounts.id, accountId));
  if (!account) return null;
  const [given, tokens, emails, audit, texts, sessions] = await Promise.all([
    db.select().from(consents).where(eq(consents.accountId, accountId)).orderBy(consents.givenAt),
    db
      .select({
        purpose: accountTokens.purpose,
        createdAt: accountTokens.createdAt,
        expiresAt: accountTokens.expiresAt,
        usedAt: accountTokens.usedAt,
        supersededAt: accountTokens.supersededAt,
      })
      .from(accountTokens)
      .where(eq(accountTokens.accountId, accountId))
      .orderBy(desc(accountTokens.createdAt))
      .limit(10),
    db
      .select({
        id: emailOutbox.id,
        template: emailOutbox.template,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.accountId, accountId))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(20),
    db
      .select({ action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, staffName: staffAccounts.name })
      .from(auditLog)
      .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
      .where(eq(auditLog.accountId, accountId))
      .orderBy(desc(auditLog.createdAt))
      .limit(50),
    db
      .select({
        id: smsOutbox.id,
        template: smsOutbox.template,
        status: smsOutbox.status,
        attempts: smsOutbox.attempts,
        lastError: smsOutbox.lastError,
        createdAt: smsOutbox.createdAt,
      })
      .from(smsOutbox)
      .where(eq(smsOutbox.accountId, accountId))
      .orderBy(desc(smsOutbox.createdAt))
      .limit(20),
    // The account's latest sign-ins with how each signed in and was identified (SPEC §19).
    db
      .select({
        id: authSessions.id,
        createdAt: authSessions.createdAt,
        amr: authSessions.amr,
        identity: authSessions.identity,
        identityLoa: authSessions.identityLoa,
        endedAt: authSessions.endedAt,
      })
      .from(authSessions)
      .where(eq(authSessions.accountId, accountId))
      .orderBy(desc(authSessions.createdAt))
      .limit(5),
  ]);
  const links: SentLink[] = tokens.map(({ supersededAt, ...link }) => ({ ...link, state: tokenState({ ...link, supersededAt }, now) }));
  return { ...account, consents: given, tokens: links, emails, audit, texts, sessions };
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccountDetail>>>;
