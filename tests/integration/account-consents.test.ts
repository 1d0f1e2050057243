// Consents as an append-only history (issue 12, RODO art. 7): given and withdrawn on the account
// page, provable at any date, and never rewritten.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consents, emailOutbox } from '@/db/schema';
import { consentHistory, consentStatesAt, hasConsent, setConsent } from '@/lib/account/consent-history';
import { updateContactDetails, validateContactDetails } from '@/lib/account/contact-details';
import { verifyAccount } from '@/lib/staff/verification-decisions';
import { activePatient, newRegistrar } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { pl } from '@/lib/messages/pl';

const META = { ip: '198.51.100.4', userAgent: 'Mozilla/5.0 test' };

describeEachDatabase('consents', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  it('lists the consents given at registration with version, time, channel and address', async () => {
    const { accountId, patientId } = await activePatient(db());
    const history = await consentHistory(db(), accountId);
    expect(history.map((c) => [c.kind, c.action, c.channel])).toEqual(
      expect.arrayContaining([
        ['data_processing', 'given', 'registration'],
        ['email', 'given', 'registration'],
        ['sms', 'given', 'registration'],
      ]),
    );
    expect(history.every((c) => c.patientId === patientId && c.textVersion === '2026-11-01' && c.ip === '127.0.0.1')).toBe(true);
  });

  it('withdraws and gives again the email consent, appending rows, and proves the state at any date', async () => {
    const { accountId } = await activePatient(db());
    const t0 = new Date(Date.now() + 1000);
    const t1 = new Date(Date.now() + 2000);
    const t2 = new Date(Date.now() + 3000);
    expect(await setConsent(db(), accountId, 'email', 'withdrawn', META, t1)).toEqual({ status: 'recorded' });
    expect(await setConsent(db(), accountId, 'email', 'withdrawn', META, t1)).toEqual({ status: 'unchanged' });
    expect(await hasConsent(db(), accountId, 'email')).toBe(false);
    expect(await setConsent(db(), accountId, 'email', 'given', META, t2)).toEqual({ status: 'recorded' });
    expect(await hasConsent(db(), accountId, 'email')).toBe(true);

    const history = (await consentHistory(db(), accountId)).filter((c) => c.kind === 'email');
    expect(history.map((c) => [c.action, c.channel])).toEqual([
      ['given', 'registration'],
      ['withdrawn', 'account'],
      ['given', 'account'],
    ]);
    expect(history[1]).toMatchObject({ ip: META.ip, userAgent: META.userAgent, textVersion: '2026-11-01' });
    expect((await consentStatesAt(db(), accountId, t0)).email.given).toBe(true);
    expect((await consentStatesAt(db(), accountId, new Date(t1.getTime() + 500))).email.given).toBe(false);
    expect((await consentStatesAt(db(), accountId, t2)).email.given).toBe(true);
  });

  it('gives the SMS consent only to an account with a mobile phone', async () => {
    const { accountId } = await activePatient(db(), { phone: null, consents: { dataProcessing: true, email: true, sms: false } });
    expect(await setConsent(db(), accountId, 'sms', 'given', META)).toEqual({ status: 'no_phone' });
    const contact = (phone: string) => {
      const details = validateContactDetails(
        { phone, street: 'Krasnystawska', houseNumber: '52', flatNumber: '', postalCode: '21-010', city: 'Łęczna' },
        pl.register.errors,
      );
      if (!details.ok) throw new Error(phone);
      return details.data;
    };
    // A landline is a contact number, not an SMS channel.
    await updateContactDetails(db(), accountId, contact('81 531 51 00'));
    expect(await setConsent(db(), accountId, 'sms', 'given', META)).toEqual({ status: 'no_phone' });
    expect(await hasConsent(db(), accountId, 'sms')).toBe(false);
    const phone = validateContactDetails(
      {
        phone: '600700800',
        street: 'Krasnystawska',
        houseNumber: '52',
        flatNumber: '',
        postalCode: '21-010',
        city: 'Łęczna',
      },
      pl.register.errors,
    );
    if (!phone.ok) throw new Error('phone');
    await updateContactDetails(db(), accountId, phone.data);
    expect(await setConsent(db(), accountId, 'sms', 'given', META)).toEqual({ status: 'recorded' });
  });

  it('keeps one account apart from another', async () => {
    const a = await activePatient(db());
    const b = await activePatient(db());
    await setConsent(db(), a.accountId, 'sms', 'withdrawn', META);
    expect(await hasConsent(db(), a.accountId, 'sms')).toBe(false);
    expect(await hasConsent(db(), b.accountId, 'sms')).toBe(true);
  });

  it('refuses to update or delete a consent row: the history is append-only', async () => {
    const { accountId } = await activePatient(db());
    const [row] = await db().select().from(consents).where(eq(consents.accountId, accountId)).limit(1);
    await expect(db().update(consents).set({ action: 'withdrawn' }).where(eq(consents.id, row!.id))).rejects.toThrow();
    await expect(
      db()
        .update(consents)
        .set({ givenAt: new Date(0) })
        .where(eq(consents.id, row!.id)),
    ).rejects.toThrow();
    await expect(db().delete(consents).where(eq(consents.id, row!.id))).rejects.toThrow();
    const [still] = await db().select().from(consents).where(eq(consents.id, row!.id));
    expect(still).toEqual(row);
    // Only a transaction that declares itself the retention job may delete.
    await db().transaction(async (tx) => {
      await tx.execute(sql`select set_config('erej.retention', 'on', true)`);
      await tx.delete(consents).where(eq(consents.id, row!.id));
    });
    expect(await db().select().from(consents).where(eq(consents.id, row!.id))).toHaveLength(0);
  });

  it('sends the desk\'s "verified" notification only with the email consent', async () => {
    const registrar = await newRegistrar(db());
    const withConsent = await activePatient(db());
    const without = await activePatient(db());
    await setConsent(db(), without.accountId, 'email', 'withdrawn', META);
    await verifyAccount(db(), registrar, withConsent.accountId, 'paszport');
    await verifyAccount(db(), registrar, without.accountId, 'paszport');
    const notices = async (accountId: string) =>
      db()
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'identity_verified')));
    expect(await notices(withConsent.accountId)).toHaveLength(1);
    expect(await notices(without.accountId)).toHaveLength(0);
  });
});
