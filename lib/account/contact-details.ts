// A patient changes their phone and address. The fields are judged by the registration form's
// own rules (lib/registration/form.ts contactRulesIn). The web account's phone changes at once;
// the hospital's patient record changes at once only when it is the patient's own, unverified
// record created by their registration. A record the desk vouches for (a verified account, or a
// record that existed before the registration) is changed by staff: the request waits in
// patient_data_changes and shows in the verification detail (lib/staff/data-changes.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { patientDataChanges, patients, webAccounts, type PatientContactData } from '@/db/schema';
import { contactOfRecord, sameContact } from './contact-form';
import { lockSignedInAccount } from './signed-in-account';

export { contactFields, keepContactValues, validateContactDetails } from './contact-form';

export type ContactUpdateOutcome = { status: 'saved' | 'pending' | 'unchanged' } | { status: 'gone' };

export async function updateContactDetails(
  db: Db,
  accountId: string,
  data: PatientContactData,
  now = new Date(),
): Promise<ContactUpdateOutcome> {
  return db.transaction(async (tx) => {
    // One change at a time per account: a second submission waits for the first.
    const row = await lockSignedInAccount(tx, accountId, {
      attached: webAccounts.patientAttached,
      accountPhone: webAccounts.phone,
      patientId: webAccounts.patientId,
    });
    if (!row) return { status: 'gone' } as const;
    const [patient] = await tx.select().from(patients).where(eq(patients.id, row.patientId));
    const record = contactOfRecord(patient!);
    const [waiting] = await tx
      .select({ id: patientDataChanges.id, proposed: patientDataChanges.proposed })
      .from(patientDataChanges)
      .where(and(eq(patientDataChanges.accountId, accountId), eq(patientDataChanges.status, 'pending')));

    const phoneChanged = row.accountPhone !== data.phone;
    if (phoneChanged) await tx.update(webAccounts).set({ phone: data.phone }).where(eq(webAccounts.id, accountId));

    const reviewed = row.status === 'verified' || row.attached === 1;
    if (!reviewed) {
      if (sameContact(record, data)) return { status: phoneChanged ? 'saved' : 'unchanged' } as const;
      await tx.update(patients).set(data).where(eq(patients.id, row.patientId));
      return { status: 'saved' } as const;
    }
    if (waiting && sameContact(waiting.proposed, data)) return { status: phoneChanged ? 'saved' : 'unchanged' } as const;
    if (waiting) {
      // Asking for the record as it already is withdraws the request; anything else replaces it.
      const status = sameContact(record, data) ? 'withdrawn' : 'superseded';
      await tx.update(patientDataChanges).set({ status, decidedAt: now }).where(eq(patientDataChanges.id, waiting.id));
    }
    if (sameContact(record, data)) return { status: phoneChanged || waiting ? 'saved' : 'unchanged' } as const;
    await tx.insert(patientDataChanges).values({ accountId, patientId: row.patientId, proposed: data, previous: record, createdAt: now });
    return { status: 'pending' } as const;
  });
}

/** The change waiting for the desk, if any, as the patient's settings page shows it. */
export async function pendingDataChange(db: Db, accountId: string) {
  const [row] = await db
    .select({ id: patientDataChanges.id, proposed: patientDataChanges.proposed, createdAt: patientDataChanges.createdAt })
    .from(patientDataChanges)
    .where(and(eq(patientDataChanges.accountId, accountId), eq(patientDataChanges.status, 'pending')));
  return row ?? null;
}
