// RODO rights on the account (issue 12): the patient's data as one export, and the erasure of
// the web account with the patient record, consent history and audit entry kept.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  accountTokens,
  authSessions,
  auditLog,
  consents,
  emailChanges,
  emailOutbox,
  patientDataChanges,
  patients,
  webAccounts,
} from '@/db/schema';
import { requestEmailChange } from '@/lib/account/change-email';
import { setConsent } from '@/lib/account/consent-history';
import { updateContactDetails, validateContactDetails } from '@/lib/account/contact-details';
import { deleteWebAccount } from '@/lib/account/delete-account';
import { exportMyData } from '@/lib/account/my-data';
import { requestPasswordReset } from '@/lib/account/send-account-links';
import { authenticate } from '@/lib/auth/authenticate';
import { checkSession, startSession, startSignedInSession } from '@/lib/auth/sessions';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { registerPatient } from '@/lib/registration/register-patient';
import { consume, peek } from '@/lib/security/rate-limit';
import { listAudit } from '@/lib/staff/audit-log';
import { PASSWORD, accountRow, activePatient, newRegistrar, verifiedPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, uniqueSuffix } from '../helpers/registration';
import { pl } from '@/lib/messages/pl';

const META = { ip: '198.51.100.9', userAgent: 'vitest' };

describeEachDatabase('RODO rights', (kind) => {
  let database: TestDatabase;
  let registrar: StaffPrincipal;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    registrar = await newRegistrar(database.db);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  it('exports identity, contact, address, consents with history, sign-ins, emails and who verified', async () => {
    const { accountId, data } = await verifiedPatient(db(), registrar);
    // Two finished sign-ins, counted by the statement that opens their sessions.
    await startSignedInSession(db(), accountId, 'patient', { amr: ['pwd'] });
    await startSignedInSession(db(), accountId, 'patient', { amr: ['pwd', 'otp', 'mfa'] });
    await setConsent(db(), accountId, 'sms', 'withdrawn', META);
    const exported = await exportMyData(db(), accountId);
    expect(exported).not.toBeNull();
    const d = exported!;
    expect(d.account).toMatchObject({ login: data.login, email: data.email, phone: data.phone, status: 'verified' });
    expect(d.patientRecord).toMatchObject({
      pesel: data.pesel,
      firstName: data.firstName,
      lastName: data.lastName,
      birthDate: data.birthDate,
      street: 'Krasnystawska',
      city: 'Łęczna',
    });
    expect(d.submittedAtRegistration.pesel).toBe(data.pesel);
    expect(d.signIns.count).toBe(2);
    expect(d.signIns.lastAt).not.toBeNull();
    expect(d.verification).toMatchObject({ verifiedBy: 'Pani Ewa', document: 'dowod_osobisty' });
    expect(d.consents.current.find((c) => c.kind === 'sms')).toMatchObject({ given: false });
    expect(d.consents.history.filter((c) => c.kind === 'sms').map((c) => c.action)).toEqual(['given', 'withdrawn']);
    expect(d.consents.history[0]!.text).toContain('Wyrażam zgodę');
    expect(d.emails.map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Aktywacja konta w portalu E-Rejestracja', 'Konto w portalu E-Rejestracja zostało zweryfikowane']),
    );
    expect(d.staffActions).toEqual([expect.objectContaining({ action: 'account.verify', by: 'Pani Ewa' })]);
    // Nothing secret: no hashes, tokens or bodies.
    const json = JSON.stringify(d);
    expect(json).not.toMatch(/argon2|token_hash|tokenHash|sessionVersion|<html/i);
  });

  it('exports only the asking account', async () => {
    const a = await activePatient(db());
    const b = await activePatient(db());
    const json = JSON.stringify(await exportMyData(db(), a.accountId));
    expect(json).toContain(a.data.email);
    expect(json).not.toContain(b.data.email);
    expect(json).not.toContain(b.data.pesel!);
  });

  it('deletes the web account only with the password and the confirmation', async () => {
    const { accountId } = await activePatient(db());
    expect(await deleteWebAccount(db(), accountId, { password: PASSWORD, confirmed: false, ...META })).toEqual({
      status: 'invalid',
      fieldErrors: { confirm: 'required' },
    });
    expect(await deleteWebAccount(db(), accountId, { password: 'Wrong#Pass1', confirmed: true, ...META })).toEqual({
      status: 'invalid',
      fieldErrors: { password: 'wrong' },
    });
    expect(await accountRow(db(), accountId)).toBeDefined();
  });

  it('erases the account, its links, sessions, pending emails and counters; keeps the record, the consent history and an audit entry', async () => {
    const { accountId, patientId, data } = await verifiedPatient(db(), registrar);
    const version = (await accountRow(db(), accountId))!.sessionVersion;
    await requestPasswordReset(db(), data.login);
    await requestEmailChange(db(), accountId, { newEmail: `inny.${uniqueSuffix()}@example.pl`, currentPassword: PASSWORD, ip: META.ip });
    const contact = validateContactDetails(
      {
        phone: 'BRAK',
        street: '',
        houseNumber: '1',
        flatNumber: '',
        postalCode: '20-001',
        city: 'Lublin',
      },
      pl.register.errors,
    );
    if (!contact.ok) throw new Error('contact');
    await updateContactDetails(db(), accountId, contact.data);
    await db()
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date() })
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'activation')));
    for (let i = 0; i < 5; i++) await consume(db(), 'linksAddress', data.email);
    expect((await peek(db(), 'linksAddress', data.email)).ok).toBe(false);
    const record = (await db().select().from(patients).where(eq(patients.id, patientId)))[0];
    const sid = await startSession(db(), accountId, 'patient');

    expect(await deleteWebAccount(db(), accountId, { password: PASSWORD, confirmed: true, ...META })).toEqual({
      status: 'deleted',
      patientId,
    });

    expect(await accountRow(db(), accountId)).toBeUndefined();
    expect((await checkSession(db(), sid, accountId, 'patient', version)).ok).toBe(false);
    expect(await db().select().from(authSessions).where(eq(authSessions.accountId, accountId))).toHaveLength(0);
    expect(await authenticate(db(), data.login, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect(await db().select().from(accountTokens).where(eq(accountTokens.accountId, accountId))).toHaveLength(0);
    expect(await db().select().from(emailChanges).where(eq(emailChanges.accountId, accountId))).toHaveLength(0);
    expect(await db().select().from(patientDataChanges).where(eq(patientDataChanges.accountId, accountId))).toHaveLength(0);
    expect((await peek(db(), 'linksAddress', data.email)).ok).toBe(true);
    // Emails: unsent ones are gone; the sent activation email keeps its subject, not its body.
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.recipient, data.email));
    expect(mails.map((m) => [m.template, m.status])).toEqual([['activation', 'sent']]);
    expect(mails[0]).toMatchObject({ html: '', text: '', subject: 'Aktywacja konta w portalu E-Rejestracja', accountId: null });

    // The patient record is untouched; the consent history stays with it, closed by withdrawals.
    expect((await db().select().from(patients).where(eq(patients.id, patientId)))[0]).toEqual(record);
    const history = await db().select().from(consents).where(eq(consents.patientId, patientId));
    expect(history.every((c) => c.accountId === null)).toBe(true);
    const withdrawn = history.filter((c) => c.action === 'withdrawn');
    expect(withdrawn.map((c) => c.kind).sort()).toEqual(['data_processing', 'email', 'sms']);
    expect(withdrawn.every((c) => c.channel === 'account' && c.ip === META.ip)).toBe(true);

    // Staff see the deletion in the audit log; the earlier verification entry stays too.
    const audit = await listAudit(db());
    const entry = audit.find((e) => e.action === 'patient.account_deleted' && e.details.account === accountId);
    expect(entry).toMatchObject({ staffName: null, details: { patient: patientId, login: data.login } });
    const verify = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.verify'), eq(auditLog.staffId, registrar.id)));
    expect(verify.length).toBeGreaterThan(0);

    // The login and email are free, and the same person can register again onto the same record.
    const again = await registerPatient(db(), data, context());
    expect(again).toMatchObject({ status: 'registered', patientId, attached: true });
  });

  it('leaves every other account alone', async () => {
    const a = await activePatient(db());
    const b = await activePatient(db());
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(consents)
      .where(eq(consents.accountId, b.accountId));
    await deleteWebAccount(db(), a.accountId, { password: PASSWORD, confirmed: true, ...META });
    expect(await accountRow(db(), b.accountId)).toBeDefined();
    const after = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(consents)
      .where(eq(consents.accountId, b.accountId));
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    expect(await authenticate(db(), b.data.login, PASSWORD)).toMatchObject({ ok: true });
    // A deleted account cannot be deleted twice.
    expect((await deleteWebAccount(db(), a.accountId, { password: PASSWORD, confirmed: true, ...META })).status).not.toBe('deleted');
    expect(await db().select().from(webAccounts).where(eq(webAccounts.id, a.accountId))).toHaveLength(0);
  });
});
