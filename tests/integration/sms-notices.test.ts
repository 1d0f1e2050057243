// The SMS twins of notices (SPEC §18), queued by the events themselves, on every database: only
// with the SMS consent and a mobile number, one per event, the facility's name and the first
// name only, no link with a token; notices that are not about security wait out quiet hours;
// withdrawing the consent stops what is queued.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smsOutbox } from '@/db/schema';
import { confirmEmailChange, requestEmailChange } from '@/lib/account/change-email';
import { changePassword } from '@/lib/account/change-password';
import { setConsent } from '@/lib/account/consent-history';
import { facility } from '@/lib/facility';
import { queueSmsNotice } from '@/lib/sms/notices';
import { segmentsOf } from '../helpers/sms-segments';
import { getAccountDetail } from '@/lib/staff/account-detail';
import { dashboardStats } from '@/lib/staff/dashboard';
import { verifyAccount } from '@/lib/staff/verification-decisions';
import { PASSWORD, activePatient, latestLink, newRegistrar } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';

// Quiet hours are Warsaw's 20–8 (the default); the tests give each event its own moment.
process.env.SMS_QUIET_HOURS = '20-8';

describeEachDatabase('SMS notices', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;
  const smsOf = (accountId: string) => db().select().from(smsOutbox).where(eq(smsOutbox.accountId, accountId));

  it('texts a patient with a mobile and the SMS consent once when the desk verifies them: facility, first name, no link', async () => {
    const patient = await activePatient(db(), { firstName: 'Małgorzata', phone: '+48600100200' });
    expect(await verifyAccount(db(), await newRegistrar(db()), patient.accountId, 'dowod_osobisty')).toEqual({ ok: true });
    const [sms, ...more] = await smsOf(patient.accountId);
    expect(more).toHaveLength(0);
    expect(sms).toMatchObject({ recipient: '+48600100200', template: 'verified', status: 'pending' });
    expect(sms!.body).toContain(facility().facilityName);
    expect(sms!.body).toContain('Małgorzata');
    expect(sms!.body).not.toContain(patient.data.pesel!);
    expect(sms!.body).not.toMatch(/https?:\/\//);
    expect(segmentsOf(sms!.body).segments).toBeLessThanOrEqual(2);
    // Staff see it in the account's detail, and a failure on the dashboard.
    expect((await getAccountDetail(db(), patient.accountId))?.texts).toMatchObject([{ template: 'verified', status: 'pending' }]);
    const before = (await dashboardStats(db())).email.smsFailed;
    await db().update(smsOutbox).set({ status: 'failed', lastError: 'invalid number' }).where(eq(smsOutbox.id, sms!.id));
    expect((await dashboardStats(db())).email.smsFailed).toBe(before + 1);
  });

  it('sends nothing without the SMS consent, without a phone, or to a landline', async () => {
    const registrar = await newRegistrar(db());
    for (const overrides of [
      { consents: { dataProcessing: true, email: true, sms: false } },
      { phone: null, consents: { dataProcessing: true, email: true, sms: false } },
      { phone: '+48815315100' }, // a landline in Łęczna: no SMS channel, whatever was ticked
    ]) {
      const patient = await activePatient(db(), overrides);
      await verifyAccount(db(), registrar, patient.accountId, 'paszport');
      expect(await smsOf(patient.accountId), JSON.stringify(overrides)).toHaveLength(0);
    }
  });

  it('lets a notice that is not about security wait out the quiet hours, and sends security notices at once', async () => {
    const patient = await activePatient(db());
    const night = new Date('2026-12-07T21:30:00Z'); // 22:30 in Warsaw (winter, UTC+1)
    const day = new Date('2026-12-07T11:00:00Z');
    await db().transaction(async (tx) => {
      expect(await queueSmsNotice(tx, patient.accountId, 'verified', night)).toBe(true);
      expect(await queueSmsNotice(tx, patient.accountId, 'passwordChanged', night)).toBe(true);
      expect(await queueSmsNotice(tx, patient.accountId, 'emailChanged', day)).toBe(true);
    });
    const rows = await smsOf(patient.accountId);
    const by = (template: string) => rows.find((r) => r.template === template)!;
    expect(by('verified').notBefore).toEqual(new Date('2026-12-08T07:00:00Z')); // 8:00 in Warsaw
    expect(by('passwordChanged').notBefore).toBeNull();
    expect(by('emailChanged').notBefore).toBeNull();
  });

  it('texts the owner when the email address was changed and when the password was changed', async () => {
    const patient = await activePatient(db());
    const newEmail = `nowy.${uniqueSuffix()}@example.pl`;
    await requestEmailChange(db(), patient.accountId, { newEmail, currentPassword: PASSWORD, ip: null });
    expect(await smsOf(patient.accountId), 'asking is not changing').toHaveLength(0);
    const token = await latestLink(db(), patient.accountId, '/account/email/confirm', newEmail);
    expect(await confirmEmailChange(db(), token!, null)).toMatchObject({ status: 'confirmed' });
    const changed = await changePassword(db(), patient.accountId, {
      currentPassword: PASSWORD,
      password: 'Czerwony#Most42',
      repeat: 'Czerwony#Most42',
      ip: null,
    });
    expect(changed.status).toBe('changed');
    expect((await smsOf(patient.accountId)).map((r) => r.template).sort()).toEqual(['emailChanged', 'passwordChanged']);
  });

  it('stops what is queued and not yet sent when the SMS consent is withdrawn', async () => {
    const patient = await activePatient(db());
    await db().transaction((tx) => queueSmsNotice(tx, patient.accountId, 'verified', new Date('2026-12-07T21:30:00Z')));
    expect(await setConsent(db(), patient.accountId, 'sms', 'withdrawn', { ip: null, userAgent: null })).toEqual({ status: 'recorded' });
    const rows = await db()
      .select({ status: smsOutbox.status })
      .from(smsOutbox)
      .where(and(eq(smsOutbox.accountId, patient.accountId), eq(smsOutbox.template, 'verified')));
    expect(rows).toEqual([{ status: 'cancelled' }]);
    // And nothing new is queued without the consent.
    await db().transaction(async (tx) => expect(await queueSmsNotice(tx, patient.accountId, 'passwordChanged')).toBe(false));
  });
});
