// The desk's decisions about an account (SPEC §11): verify, block, unblock and a new activation
// link, each written with its audit entry in one transaction.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, patients, webAccounts, type AccountStatus, type VerificationDocument } from '@/db/schema';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { linkRecipientColumns, sendActivationLink } from '@/lib/account/send-account-links';
import { markIdentityVerified } from '@/lib/account/verify-identity';
import { withoutBidiControls } from '@/lib/text';
import type { DecisionResult } from './decision-outcomes';
import { readAccountWithPatient } from '@/lib/account/account-with-patient';

/**
 * Which decisions the desk can take about an account in this state: the same conditions the
 * decisions below check in their UPDATE, so the page offers only what would succeed.
 */
export function availableDecisions(
  status: AccountStatus,
  role: StaffPrincipal['role'],
  waitingForActivation = status === 'pending_activation',
) {
  return {
    verify: status === 'pending_activation' || status === 'active',
    block: status !== 'blocked',
    unblock: status === 'blocked' && role === 'admin',
    // Also a verified account that never got its link through (registered through login.gov.pl).
    resendActivation: status !== 'blocked' && waitingForActivation,
  };
}

const DOCUMENTS: VerificationDocument[] = ['dowod_osobisty', 'paszport', 'inny'];

/** Identity checked at the desk: only an account that is neither verified nor blocked. */
export async function verifyAccount(db: Db, staff: StaffPrincipal, accountId: string, document: string): Promise<DecisionResult> {
  if (!DOCUMENTS.includes(document as VerificationDocument)) return { ok: false, error: 'document' };
  const person = await readAccountWithPatient(db, accountId, {
    email: webAccounts.email,
    locale: webAccounts.locale,
    firstName: patients.firstName,
  });
  if (!person) return { ok: false, error: 'not_found' };
  const check = { method: 'desk', staffId: staff.id, document: document as VerificationDocument } as const;
  return (await markIdentityVerified(db, accountId, person, check)) ? { ok: true } : stateError(db, accountId);
}

/** The desk sends a patient who lost the email a new activation link. */
export async function resendActivationByStaff(db: Db, staff: StaffPrincipal, accountId: string): Promise<DecisionResult> {
  const account = await readAccountWithPatient(db, accountId, linkRecipientColumns);
  if (!account) return { ok: false, error: 'not_found' };
  if (!account.waiting) return { ok: false, error: 'state' };
  await sendActivationLink(db, account, (tx) =>
    tx.insert(auditLog).values({ staffId: staff.id, action: 'account.resend_activation', accountId }),
  );
  return { ok: true };
}

export async function blockAccount(db: Db, staff: StaffPrincipal, accountId: string, reason: string): Promise<DecisionResult> {
  // Free text shown on the desk's pages and in the CSV: no control may reorder it there.
  const why = withoutBidiControls(reason).trim();
  if (why.length < 3 || why.length > 500) return { ok: false, error: 'reason' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({
        status: 'blocked',
        blockedAt: new Date(),
        blockedBy: staff.id,
        blockedReason: why,
        sessionVersion: sql`${webAccounts.sessionVersion} + 1`,
      })
      .where(and(eq(webAccounts.id, accountId), sql`${webAccounts.status} <> 'blocked'`))
      .returning({ id: webAccounts.id });
    if (!row) return stateError(tx, accountId);
    await tx.insert(auditLog).values({ staffId: staff.id, action: 'account.block', accountId, details: { reason: why } });
    return { ok: true } as const;
  });
}

/** Admin only: back to the state the account had earned before the block. */
export async function unblockAccount(db: Db, staff: StaffPrincipal, accountId: string): Promise<DecisionResult> {
  if (staff.role !== 'admin') return { ok: false, error: 'state' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webAccounts)
      .set({
        status: sql`case when ${webAccounts.verifiedAt} is not null then 'verified' when ${webAccounts.passwordHash} is not null then 'active' else 'pending_activation' end`,
        blockedAt: null,
        blockedBy: null,
        blockedReason: null,
      })
      .where(and(eq(webAccounts.id, accountId), eq(webAccounts.status, 'blocked')))
      .returning({ id: webAccounts.id, status: webAccounts.status });
    if (!row) return stateError(tx, accountId);
    await tx.insert(auditLog).values({ staffId: staff.id, action: 'account.unblock', accountId, details: { status: row.status } });
    return { ok: true } as const;
  });
}

async function stateError(tx: Db, accountId: string): Promise<DecisionResult> {
  const [exists] = await tx.select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.id, accountId));
  return { ok: false, error: exists ? 'state' : 'not_found' };
}
