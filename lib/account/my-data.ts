// Everything stored about a patient's web account and the linked patient record, for the
// patient (RODO art. 15 and 20): one plain object, served as a JSON file and a printable page.
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, emailOutbox, patientDataChanges, patients, staffAccounts, webAccounts } from '@/db/schema';
import { CONSENTS } from '@/lib/consents';
import { consentHistory, consentStates } from './consent-history';
import { pendingEmailChange } from './change-email';
import { readAccountWithPatient } from './account-with-patient';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function exportMyData(db: Db, accountId: string, now = new Date()) {
  const row = await readAccountWithPatient(db, accountId, { account: webAccounts, patient: patients });
  if (!row) return null;
  const { account, patient } = row;
  const [verifier, history, emails, changes, staffActions, emailChange] = await Promise.all([
    account.verifiedBy
      ? db
          .select({ name: staffAccounts.name })
          .from(staffAccounts)
          .where(eq(staffAccounts.id, account.verifiedBy))
          .then((r) => r[0]?.name ?? null)
      : Promise.resolve(null),
    consentHistory(db, accountId),
    db
      .select({ subject: emailOutbox.subject, status: emailOutbox.status, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(eq(emailOutbox.accountId, accountId))
      .orderBy(desc(emailOutbox.createdAt)),
    db
      .select({
        proposed: patientDataChanges.proposed,
        status: patientDataChanges.status,
        createdAt: patientDataChanges.createdAt,
        decidedAt: patientDataChanges.decidedAt,
      })
      .from(patientDataChanges)
      .where(eq(patientDataChanges.accountId, accountId))
      .orderBy(asc(patientDataChanges.createdAt)),
    db
      .select({ action: auditLog.action, createdAt: auditLog.createdAt, staffName: staffAccounts.name })
      .from(auditLog)
      .leftJoin(staffAccounts, eq(staffAccounts.id, auditLog.staffId))
      .where(eq(auditLog.accountId, accountId))
      .orderBy(asc(auditLog.createdAt)),
    pendingEmailChange(db, accountId, now),
  ]);
  const states = consentStates(history);

  return {
    generatedAt: now.toISOString(),
    account: {
      login: account.login,
      email: account.email,
      phone: account.phone,
      status: account.status,
      createdAt: iso(account.createdAt),
      activatedAt: iso(account.activatedAt),
      passwordChangedAt: iso(account.passwordChangedAt),
      blockedAt: iso(account.blockedAt),
    },
    signIns: { count: account.signInCount, lastAt: iso(account.lastSignInAt) },
    verification: account.verifiedAt
      ? { verifiedAt: iso(account.verifiedAt), verifiedBy: verifier, document: account.verificationDocument }
      : null,
    patientRecord: {
      pesel: patient.pesel,
      firstName: patient.firstName,
      lastName: patient.lastName,
      birthDate: patient.birthDate,
      sex: patient.sex,
      street: patient.street,
      houseNumber: patient.houseNumber,
      flatNumber: patient.flatNumber,
      postalCode: patient.postalCode,
      city: patient.city,
      phone: patient.phone,
      email: patient.email,
      createdAt: iso(patient.createdAt),
      /** Whether the record existed before this account was registered. */
      existedBeforeRegistration: account.patientAttached === 1,
    },
    submittedAtRegistration: account.submitted,
    pendingEmailChange: emailChange
      ? { newEmail: emailChange.newEmail, requestedAt: iso(emailChange.createdAt), expiresAt: iso(emailChange.expiresAt) }
      : null,
    dataChanges: changes.map((c) => ({ ...c.proposed, status: c.status, requestedAt: iso(c.createdAt), decidedAt: iso(c.decidedAt) })),
    consents: {
      current: Object.values(states).map((s) => ({
        kind: s.kind,
        given: s.given,
        textVersion: s.latest?.textVersion ?? null,
        since: iso(s.latest?.givenAt),
      })),
      history: history.map((c) => ({
        kind: c.kind,
        action: c.action,
        textVersion: c.textVersion,
        text: c.textVersion === CONSENTS[c.kind].version ? CONSENTS[c.kind].label : null,
        at: iso(c.givenAt),
        channel: c.channel,
        ip: c.ip,
        userAgent: c.userAgent,
      })),
    },
    emails: emails.map((m) => ({ subject: m.subject, status: m.status, createdAt: iso(m.createdAt), sentAt: iso(m.sentAt) })),
    staffActions: staffActions.map((a) => ({ action: a.action, at: iso(a.createdAt), by: a.staffName })),
  };
}
