// The desk's side of a patient's address change (lib/account/contact-details.ts): the changes
// waiting, and accepting one into the patient record or rejecting it, each with its audit entry
// in the same transaction.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, patientDataChanges, patients, webAccounts } from '@/db/schema';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { selectAccountsWithPatients } from '@/lib/account/account-with-patient';
import { changedFields } from '@/lib/account/contact-form';

export type DataChangeDecision = { ok: true } | { ok: false; error: 'not_found' | 'state' };

/** The change waiting for the desk on one account, with the record as it is now. */
export async function pendingChangeOf(db: Db, accountId: string) {
  const [row] = await db
    .select({ change: patientDataChanges, patient: patients })
    .from(patientDataChanges)
    .innerJoin(patients, eq(patients.id, patientDataChanges.patientId))
    .where(and(eq(patientDataChanges.accountId, accountId), eq(patientDataChanges.status, 'pending')));
  return row ?? null;
}

/** Every change waiting for the desk, oldest first. */
export async function listPendingChanges(db: Db, limit = 200) {
  // The change's patient is its account's: both are the record the account was registered with.
  const rows = await selectAccountsWithPatients(db, {
    id: patientDataChanges.id,
    accountId: patientDataChanges.accountId,
    proposed: patientDataChanges.proposed,
    previous: patientDataChanges.previous,
    createdAt: patientDataChanges.createdAt,
    login: webAccounts.login,
    firstName: patients.firstName,
    lastName: patients.lastName,
  })
    .innerJoin(patientDataChanges, eq(patientDataChanges.accountId, webAccounts.id))
    .where(eq(patientDataChanges.status, 'pending'))
    .orderBy(asc(patientDataChanges.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, fields: changedFields(r.previous, r.proposed) }));
}

async function decide(
  db: Db,
  staff: StaffPrincipal,
  accountId: string,
  changeId: string,
  decision: 'accepted' | 'rejected',
): Promise<DataChangeDecision> {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .update(patientDataChanges)
      .set({ status: decision, decidedAt: new Date(), decidedBy: staff.id })
      .where(
        and(eq(patientDataChanges.id, changeId), eq(patientDataChanges.accountId, accountId), eq(patientDataChanges.status, 'pending')),
      )
      .returning();
    if (!change) {
      const [exists] = await tx
        .select({ id: patientDataChanges.id })
        .from(patientDataChanges)
        .where(and(eq(patientDataChanges.id, changeId), eq(patientDataChanges.accountId, accountId)));
      return { ok: false, error: exists ? 'state' : 'not_found' } as const;
    }
    if (decision === 'accepted') await tx.update(patients).set(change.proposed).where(eq(patients.id, change.patientId));
    await tx.insert(auditLog).values({
      staffId: staff.id,
      action: decision === 'accepted' ? 'patient_record.accept_change' : 'patient_record.reject_change',
      accountId,
      // Which fields, not their values: the audit log carries no addresses.
      details: { change: change.id, fields: changedFields(change.previous, change.proposed).join(',') },
    });
    return { ok: true } as const;
  });
}

export function acceptDataChange(db: Db, staff: StaffPrincipal, accountId: string, changeId: string) {
  return decide(db, staff, accountId, changeId, 'accepted');
}

export function rejectDataChange(db: Db, staff: StaffPrincipal, accountId: string, changeId: string) {
  return decide(db, staff, accountId, changeId, 'rejected');
}
