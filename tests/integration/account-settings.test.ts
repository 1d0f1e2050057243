// The patient's settings (issue 12): password, email, phone and address, sign out everywhere.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, emailChanges, emailOutbox, patientDataChanges, patients, webAccounts } from '@/db/schema';
import {
  cancelEmailChange,
  confirmEmailChange,
  inspectEmailChange,
  pendingEmailChange,
  requestEmailChange,
} from '@/lib/account/change-email';
import { changePassword } from '@/lib/account/change-password';
import { updateContactDetails, validateContactDetails } from '@/lib/account/contact-details';
import { requestPasswordReset } from '@/lib/account/send-account-links';
import { endAllSessions, endOtherSessions } from '@/lib/account/sessions';
import { authenticate } from '@/lib/auth/authenticate';
import { checkSession, startSession } from '@/lib/auth/sessions';
import type { StaffPrincipal } from '@/lib/auth/auth';
import { acceptDataChange, listPendingChanges, pendingChangeOf, rejectDataChange } from '@/lib/staff/data-changes';
import { hashToken } from '@/lib/secret-tokens';
import { PASSWORD, accountRow, activePatient, latestLink, newRegistrar, registeredPatient, verifiedPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';
import { pl } from '@/lib/messages/pl';

const NEW_PASSWORD = 'Czerwony#Most42';
const IP = '203.0.113.7';

const contact = (overrides: Record<string, string> = {}) => {
  const v = validateContactDetails(
    {
      phone: '601 202 303',
      street: 'Nowa',
      houseNumber: '7b',
      flatNumber: '2',
      postalCode: '20001',
      city: 'Lublin',
      ...overrides,
    },
    pl.register.errors,
  );
  if (!v.ok) throw new Error(JSON.stringify(v.fieldErrors));
  return v.data;
};

describeEachDatabase('account settings', (kind) => {
  let database: TestDatabase;
  let registrar: StaffPrincipal;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    registrar = await newRegistrar(database.db);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  describe('password change', () => {
    it('changes the password, ends every other session, spends reset links and emails a notice', async () => {
      const { accountId, data } = await activePatient(db());
      const before = await accountRow(db(), accountId);
      const [mine, elsewhere] = [await startSession(db(), accountId, 'patient'), await startSession(db(), accountId, 'patient')];
      await requestPasswordReset(db(), data.login);
      const outcome = await changePassword(db(), accountId, {
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        repeat: NEW_PASSWORD,
        ip: IP,
        keepSession: mine,
      });
      expect(outcome).toEqual({ status: 'changed', login: data.login, reissueSession: false });

      const after = await accountRow(db(), accountId);
      expect(after!.passwordHash).not.toBe(before!.passwordHash);
      expect(after!.passwordChangedAt).not.toBeNull();
      expect(await checkSession(db(), mine, accountId, 'patient', after!.sessionVersion)).toEqual({ ok: true });
      expect(await checkSession(db(), elsewhere, accountId, 'patient', after!.sessionVersion)).toEqual({ ok: false, reason: 'ended' });
      expect(await authenticate(db(), data.login, PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
      expect(await authenticate(db(), data.login, NEW_PASSWORD)).toMatchObject({ ok: true, id: accountId });

      const resets = await db()
        .select()
        .from(accountTokens)
        .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, 'password_reset')));
      expect(resets).toHaveLength(1);
      expect(resets[0]!.supersededAt).not.toBeNull();
      const [notice] = await db()
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'password_changed')));
      expect(notice!.recipient).toBe(data.email);
      expect(notice!.text).toContain('/password/forgot');
      expect(notice!.text).toContain('Krasnystawska 52');
    });

    it('refuses a wrong current password and a new one that breaks the activation rules, reporting both', async () => {
      const { accountId, data } = await activePatient(db());
      const weak = `Ab1!${data.login}`;
      const outcome = await changePassword(db(), accountId, {
        currentPassword: 'Wrong#Pass1',
        password: weak,
        repeat: 'different',
        ip: IP,
      });
      expect(outcome).toEqual({ status: 'invalid', wrongCurrent: true, broken: ['noLogin', 'repeat'] });
      const pesel = await changePassword(db(), accountId, {
        currentPassword: PASSWORD,
        password: `Ab!${data.pesel}`,
        repeat: `Ab!${data.pesel}`,
        ip: IP,
      });
      expect(pesel).toEqual({ status: 'invalid', wrongCurrent: false, broken: ['noPesel'] });
      const common = await changePassword(db(), accountId, {
        currentPassword: PASSWORD,
        password: 'Password123!',
        repeat: 'Password123!',
        ip: IP,
      });
      expect(common).toMatchObject({ status: 'invalid', broken: ['notCommon'] });
      expect(await authenticate(db(), data.login, PASSWORD)).toMatchObject({ ok: true });
    });

    it('counts wrong current passwords with the sign-in failures and stops at the limit', async () => {
      const { accountId } = await activePatient(db());
      for (let i = 0; i < 10; i++) {
        const outcome = await changePassword(db(), accountId, {
          currentPassword: `Wrong#Pass${i}`,
          password: NEW_PASSWORD,
          repeat: NEW_PASSWORD,
          ip: IP,
        });
        expect(outcome.status).toBe('invalid');
      }
      const limited = await changePassword(db(), accountId, {
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        repeat: NEW_PASSWORD,
        ip: IP,
      });
      expect(limited).toMatchObject({ status: 'limited' });
    });
  });

  describe('sessions', () => {
    it('ends every session of one account and no other', async () => {
      const a = await activePatient(db());
      const b = await activePatient(db());
      const [va, vb] = [(await accountRow(db(), a.accountId))!.sessionVersion, (await accountRow(db(), b.accountId))!.sessionVersion];
      const [sa1, sa2, sb] = [
        await startSession(db(), a.accountId, 'patient'),
        await startSession(db(), a.accountId, 'patient'),
        await startSession(db(), b.accountId, 'patient'),
      ];
      await endAllSessions(db(), a.accountId);
      expect((await checkSession(db(), sa1, a.accountId, 'patient', va)).ok).toBe(false);
      expect((await checkSession(db(), sa2, a.accountId, 'patient', va)).ok).toBe(false);
      expect((await checkSession(db(), sb, b.accountId, 'patient', vb)).ok).toBe(true);
    });

    it('keeps the caller’s own session when ending the others, and says when there is none to keep', async () => {
      const a = await activePatient(db());
      const ver = (await accountRow(db(), a.accountId))!.sessionVersion;
      const [mine, other] = [await startSession(db(), a.accountId, 'patient'), await startSession(db(), a.accountId, 'patient')];
      expect(await endOtherSessions(db(), a.accountId, { accountId: a.accountId, sid: mine })).toEqual({ reissueCurrent: false });
      expect((await checkSession(db(), mine, a.accountId, 'patient', ver)).ok).toBe(true);
      expect((await checkSession(db(), other, a.accountId, 'patient', ver)).ok).toBe(false);
      expect(await endOtherSessions(db(), a.accountId, { accountId: a.accountId })).toEqual({ reissueCurrent: true });
      expect((await checkSession(db(), mine, a.accountId, 'patient', ver)).ok).toBe(false);
      await expect(endOtherSessions(db(), a.accountId, { accountId: crypto.randomUUID() })).rejects.toThrow();
    });
  });

  describe('email change', () => {
    const fresh = () => `nowy.${uniqueSuffix()}@example.pl`;

    it('sends a hashed single-use link to the new address and a notice to the old one; the old address stays until then', async () => {
      const { accountId, data } = await activePatient(db());
      const newEmail = fresh();
      const outcome = await requestEmailChange(db(), accountId, {
        newEmail: ` ${newEmail.toUpperCase()} `,
        currentPassword: PASSWORD,
        ip: IP,
      });
      expect(outcome).toMatchObject({ status: 'sent', newEmail: newEmail.toUpperCase() });
      expect((await accountRow(db(), accountId))!.email).toBe(data.email);

      const token = await latestLink(db(), accountId, '/account/email/confirm', newEmail.toUpperCase());
      expect(token).toBeDefined();
      const [change] = await db().select().from(emailChanges).where(eq(emailChanges.accountId, accountId));
      expect(change!.tokenHash).toBe(hashToken(token!));
      expect(JSON.stringify(change)).not.toContain(token!);
      const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId));
      const notice = mails.find((m) => m.template === 'email_change_notice');
      expect(notice!.recipient).toBe(data.email);
      expect(notice!.text).not.toContain(newEmail.split('@')[0]!.slice(1));
      expect(notice!.text).not.toContain(token!);
      expect(await pendingEmailChange(db(), accountId)).toMatchObject({ newEmail: newEmail.toUpperCase() });

      expect(await confirmEmailChange(db(), token!, null)).toMatchObject({ status: 'confirmed', accountId });
      expect((await accountRow(db(), accountId))!.email).toBe(newEmail.toUpperCase());
      expect(await confirmEmailChange(db(), token!, null)).toEqual({ status: 'token', state: 'used' });
      expect(await pendingEmailChange(db(), accountId)).toBeNull();
      // The account now signs in as before and its old address is free.
      expect(await authenticate(db(), data.login, PASSWORD)).toMatchObject({ ok: true });
      const other = await registeredPatient(db(), { email: data.email });
      expect(other.accountId).toBeDefined();
    });

    it('refuses an address of another account with the neutral conflict, whatever its case, and sends nothing', async () => {
      const { accountId } = await activePatient(db());
      const owner = await activePatient(db());
      const mailsBefore = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId));
      const outcome = await requestEmailChange(db(), accountId, {
        newEmail: owner.data.email.toUpperCase(),
        currentPassword: PASSWORD,
        ip: IP,
      });
      expect(outcome).toEqual({ status: 'conflict' });
      expect(await db().select().from(emailChanges).where(eq(emailChanges.accountId, accountId))).toHaveLength(0);
      expect(await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId))).toHaveLength(mailsBefore.length);
    });

    it('checks the address with the registration rules, the password before anything else is revealed', async () => {
      const { accountId, data } = await activePatient(db());
      const owner = await activePatient(db());
      expect(await requestEmailChange(db(), accountId, { newEmail: 'nie-email', currentPassword: '', ip: IP })).toEqual({
        status: 'invalid',
        fieldErrors: { newEmail: 'invalid', currentPassword: 'required' },
      });
      expect(await requestEmailChange(db(), accountId, { newEmail: data.email.toUpperCase(), currentPassword: PASSWORD, ip: IP })).toEqual({
        status: 'invalid',
        fieldErrors: { newEmail: 'same' },
      });
      // A wrong password with a taken address says "wrong password", not "conflict".
      expect(await requestEmailChange(db(), accountId, { newEmail: owner.data.email, currentPassword: 'Wrong#Pass1', ip: IP })).toEqual({
        status: 'invalid',
        fieldErrors: { currentPassword: 'wrong' },
      });
    });

    it('lets only the newest link work, and a cancelled change none', async () => {
      const { accountId } = await activePatient(db());
      const first = fresh();
      const second = fresh();
      await requestEmailChange(db(), accountId, { newEmail: first, currentPassword: PASSWORD, ip: IP });
      const firstToken = await latestLink(db(), accountId, '/account/email/confirm', first);
      await requestEmailChange(db(), accountId, { newEmail: second, currentPassword: PASSWORD, ip: IP });
      const secondToken = await latestLink(db(), accountId, '/account/email/confirm', second);
      expect((await inspectEmailChange(db(), firstToken!)).state).toBe('superseded');
      expect(await confirmEmailChange(db(), firstToken!, null)).toEqual({ status: 'token', state: 'superseded' });
      await cancelEmailChange(db(), accountId);
      expect(await confirmEmailChange(db(), secondToken!, accountId)).toEqual({ status: 'token', state: 'superseded' });
      expect(await pendingEmailChange(db(), accountId)).toBeNull();
    });

    it('refuses an expired link, an unknown one, and one used while signed in to another account', async () => {
      const { accountId } = await activePatient(db());
      const other = await activePatient(db());
      const newEmail = fresh();
      await requestEmailChange(db(), accountId, { newEmail, currentPassword: PASSWORD, ip: IP });
      const token = (await latestLink(db(), accountId, '/account/email/confirm', newEmail))!;
      expect(await confirmEmailChange(db(), token, other.accountId)).toEqual({ status: 'other_account' });
      expect(await confirmEmailChange(db(), 'x'.repeat(43), null)).toEqual({ status: 'token', state: 'unknown' });
      expect(await confirmEmailChange(db(), token, null, new Date(Date.now() + 3 * 3600_000))).toEqual({
        status: 'token',
        state: 'expired',
      });
      expect(await confirmEmailChange(db(), token, accountId)).toMatchObject({ status: 'confirmed' });
    });

    it('is a conflict, with the link left unused, when another account took the address meanwhile', async () => {
      const { accountId, data } = await activePatient(db());
      const newEmail = fresh();
      await requestEmailChange(db(), accountId, { newEmail, currentPassword: PASSWORD, ip: IP });
      const token = (await latestLink(db(), accountId, '/account/email/confirm', newEmail))!;
      await registeredPatient(db(), { email: newEmail.toUpperCase() });
      expect(await confirmEmailChange(db(), token, null)).toEqual({ status: 'conflict' });
      expect((await accountRow(db(), accountId))!.email).toBe(data.email);
      expect((await inspectEmailChange(db(), token)).state).toBe('valid');
    });

    it('makes reset links sent to the old address useless once the new one is confirmed', async () => {
      const { accountId, data } = await activePatient(db());
      await requestPasswordReset(db(), data.login);
      const newEmail = fresh();
      await requestEmailChange(db(), accountId, { newEmail, currentPassword: PASSWORD, ip: IP });
      await confirmEmailChange(db(), (await latestLink(db(), accountId, '/account/email/confirm', newEmail))!, null);
      const [reset] = await db()
        .select()
        .from(accountTokens)
        .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, 'password_reset')));
      expect(reset!.supersededAt).not.toBeNull();
    });

    it('allows five change requests an hour per account', async () => {
      const { accountId } = await activePatient(db());
      for (let i = 0; i < 5; i++) {
        expect((await requestEmailChange(db(), accountId, { newEmail: fresh(), currentPassword: PASSWORD, ip: IP })).status).toBe('sent');
      }
      expect(await requestEmailChange(db(), accountId, { newEmail: fresh(), currentPassword: PASSWORD, ip: IP })).toMatchObject({
        status: 'limited',
      });
    });
  });

  describe('phone and address', () => {
    const recordOf = async (patientId: string) => (await db().select().from(patients).where(eq(patients.id, patientId)))[0]!;

    it("writes an unverified patient's own new record at once", async () => {
      const { accountId, patientId } = await activePatient(db());
      expect(await updateContactDetails(db(), accountId, contact())).toEqual({ status: 'saved' });
      expect(await recordOf(patientId)).toMatchObject({
        phone: '+48601202303',
        street: 'Nowa',
        houseNumber: '7B',
        flatNumber: '2',
        postalCode: '20-001',
        city: 'Lublin',
      });
      expect((await accountRow(db(), accountId))!.phone).toBe('+48601202303');
      expect(await updateContactDetails(db(), accountId, contact())).toEqual({ status: 'unchanged' });
      expect(await pendingChangeOf(db(), accountId)).toBeNull();
      // BRAK removes the phone.
      expect(await updateContactDetails(db(), accountId, contact({ phone: 'brak' }))).toEqual({ status: 'saved' });
      expect((await accountRow(db(), accountId))!.phone).toBeNull();
    });

    it("records a verified patient's address change for the desk without touching the record, and the desk accepts it with an audit entry", async () => {
      const { accountId, patientId } = await verifiedPatient(db(), registrar);
      const before = await recordOf(patientId);
      expect(await updateContactDetails(db(), accountId, contact())).toEqual({ status: 'pending' });
      const after = await recordOf(patientId);
      expect(after).toEqual(before);
      // The phone for notifications is the account's own and changes at once.
      expect((await accountRow(db(), accountId))!.phone).toBe('+48601202303');

      const waiting = await pendingChangeOf(db(), accountId);
      expect(waiting!.change.proposed).toMatchObject({ street: 'Nowa', city: 'Lublin' });
      expect((await listPendingChanges(db())).map((c) => c.id)).toContain(waiting!.change.id);

      expect(await acceptDataChange(db(), registrar, accountId, waiting!.change.id)).toEqual({ ok: true });
      expect(await recordOf(patientId)).toMatchObject({
        street: 'Nowa',
        houseNumber: '7B',
        postalCode: '20-001',
        city: 'Lublin',
        phone: '+48601202303',
      });
      expect(await acceptDataChange(db(), registrar, accountId, waiting!.change.id)).toEqual({ ok: false, error: 'state' });
      const audit = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.accountId, accountId), eq(auditLog.action, 'patient_record.accept_change')));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ staffId: registrar.id });
      expect(audit[0]!.details.fields).toContain('city');
      expect(JSON.stringify(audit[0]!.details)).not.toContain('Lublin');
    });

    it('also sends a change of a record that existed before the registration to the desk', async () => {
      const { accountId, patientId } = await activePatient(db());
      await db().update(webAccounts).set({ patientAttached: 1 }).where(eq(webAccounts.id, accountId));
      expect(await updateContactDetails(db(), accountId, contact())).toEqual({ status: 'pending' });
      expect((await recordOf(patientId)).city).toBe('Łęczna');
    });

    it('keeps one waiting change: a newer one replaces it, asking for the record as it is withdraws it', async () => {
      const { accountId, patientId } = await verifiedPatient(db(), registrar);
      const record = await recordOf(patientId);
      await updateContactDetails(db(), accountId, contact({ city: 'Lublin' }));
      await updateContactDetails(db(), accountId, contact({ city: 'Chełm' }));
      const rows = await db().select().from(patientDataChanges).where(eq(patientDataChanges.accountId, accountId));
      expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'superseded']);
      expect((await pendingChangeOf(db(), accountId))!.change.proposed.city).toBe('Chełm');
      const asIs = validateContactDetails(
        {
          phone: '+48601202303',
          street: record.street ?? '',
          houseNumber: record.houseNumber!,
          flatNumber: record.flatNumber ?? '',
          postalCode: record.postalCode!,
          city: record.city!,
        },
        pl.register.errors,
      );
      if (!asIs.ok) throw new Error('record does not validate');
      expect(await updateContactDetails(db(), accountId, { ...asIs.data, phone: record.phone })).toEqual({ status: 'saved' });
      expect(await pendingChangeOf(db(), accountId)).toBeNull();
    });

    it('lets the desk reject a change, with an audit entry, and refuses a change id of another account', async () => {
      const a = await verifiedPatient(db(), registrar);
      const b = await verifiedPatient(db(), registrar);
      await updateContactDetails(db(), a.accountId, contact());
      const change = (await pendingChangeOf(db(), a.accountId))!.change;
      expect(await acceptDataChange(db(), registrar, b.accountId, change.id)).toEqual({ ok: false, error: 'not_found' });
      expect(await rejectDataChange(db(), registrar, a.accountId, change.id)).toEqual({ ok: true });
      expect((await recordOf(a.patientId)).city).toBe('Łęczna');
      const audit = await db().select().from(auditLog).where(eq(auditLog.accountId, a.accountId));
      expect(audit.map((e) => e.action)).toContain('patient_record.reject_change');
    });
  });
});
