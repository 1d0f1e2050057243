// Managing one's own passkeys in the settings (issue 22, lib/account/passkeys.ts), on every
// database: a patient's new key is told by email and SMS queued in the transaction that stores it
// (a refusal queues nothing), staff get no email (the audit entry is their record), the last staff
// factor stays while STAFF_MFA=required, and nobody removes another owner's key.
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { auditLog, emailOutbox, passkeys, smsOutbox, staffAccounts, webAccounts } from '@/db/schema';
import { addPasskey, removeOwnPasskey, startAddingPasskey } from '@/lib/account/passkeys';
import { listPasskeys, type PasskeyOwner } from '@/lib/webauthn';
import { activePatient, newRegistrar } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { createCredential, type CreateOptions } from '../helpers/soft-authenticator';

// Read on first use of the configuration, which no import does.
process.env.APP_URL = 'https://rejestracja.szpital.example/';
const RP = { origin: 'https://rejestracja.szpital.example', rpId: 'rejestracja.szpital.example' };

// Lets one test make the SMS notice fail after it was queued, to see the whole transaction undone.
const sms = vi.hoisted(() => ({ failAfterQueueing: false }));
vi.mock('@/lib/sms/notices', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/sms/notices')>();
  return {
    ...actual,
    queueSmsNotice: async (...args: Parameters<typeof actual.queueSmsNotice>) => {
      const queued = await actual.queueSmsNotice(...args);
      if (sms.failAfterQueueing) throw new Error('SMS outbox unavailable');
      return queued;
    },
  };
});

describeEachDatabase('passkeys in the settings', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  afterEach(() => {
    sms.failAfterQueueing = false;
  });
  const db = () => database.db;

  async function patient(overrides: Parameters<typeof activePatient>[1] = {}) {
    const created = await activePatient(db(), overrides);
    return { ...created, owner: { kind: 'patient', id: created.accountId } as PasskeyOwner };
  }

  async function staff(): Promise<PasskeyOwner> {
    return { kind: 'staff', id: (await newRegistrar(db())).id };
  }

  /** The browser's part: the options, then the software authenticator's answer. */
  async function ceremony(owner: PasskeyOwner, authenticator: Partial<CreateOptions> = {}) {
    const started = await startAddingPasskey(db(), owner);
    if (!started.ok) throw new Error(started.reason);
    const { response } = createCredential(started.options, { ...RP, ...authenticator });
    return { handle: started.handle, response, options: started.options };
  }

  async function add(owner: PasskeyOwner, name = 'Telefon', authenticator: Partial<CreateOptions> = {}) {
    const { handle, response } = await ceremony(owner, authenticator);
    return addPasskey(db(), owner, { handle, response, name });
  }

  const noticesOf = (accountId: string) =>
    db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.accountId, accountId), eq(emailOutbox.template, 'passkey_added')));
  const textsOf = (accountId: string) => db().select().from(smsOutbox).where(eq(smsOutbox.accountId, accountId));
  const allPasskeyNotices = () => db().select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.template, 'passkey_added'));

  it('names the key’s account with the login and the person’s name, never an id', async () => {
    const { owner, data } = await patient({ firstName: 'Zofia', lastName: 'Wójcik' });
    const { options } = await ceremony(owner);
    expect(options.user).toMatchObject({ name: data.login, displayName: 'Zofia Wójcik' });
    const desk = await staff();
    const [row] = await db().select().from(staffAccounts).where(eq(staffAccounts.id, desk.id));
    expect((await ceremony(desk)).options.user).toMatchObject({ name: row!.login, displayName: row!.name });
  });

  it('queues exactly one email and, with the SMS consent and a mobile, one SMS when a patient adds a key', async () => {
    const { owner, accountId, data } = await patient({ firstName: 'Małgorzata', phone: '+48600100200' });
    const result = await add(owner, '  Telefon Małgorzaty  ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await listPasskeys(db(), owner)).toMatchObject([{ id: result.passkeyId, name: 'Telefon Małgorzaty', lastUsedAt: null }]);

    const [email, ...moreEmails] = await noticesOf(accountId);
    expect(moreEmails).toHaveLength(0);
    expect(email).toMatchObject({ recipient: data.email, status: 'pending' });
    expect(email!.text).toContain('Telefon Małgorzaty');
    expect(email!.text).toContain('Małgorzata');

    const [text, ...moreTexts] = await textsOf(accountId);
    expect(moreTexts).toHaveLength(0);
    // A security notice: sent at once, whatever the hour.
    expect(text).toMatchObject({ recipient: '+48600100200', template: 'passkeyAdded', status: 'pending', notBefore: null });

    const audit = await db().select().from(auditLog).where(eq(auditLog.accountId, accountId));
    expect(audit.map((e) => e.action)).toContain('passkey.added');
  });

  it('sends only the email to a patient without the SMS consent', async () => {
    const { owner, accountId } = await patient({ consents: { dataProcessing: true, email: true, sms: false } });
    expect((await add(owner)).ok).toBe(true);
    expect(await noticesOf(accountId)).toHaveLength(1);
    expect(await textsOf(accountId)).toHaveLength(0);
  });

  it('keeps the key and its notices together: when queueing fails nothing is stored', async () => {
    const { owner, accountId } = await patient();
    sms.failAfterQueueing = true;
    await expect(add(owner)).rejects.toThrow('SMS outbox unavailable');
    expect(await listPasskeys(db(), owner)).toEqual([]);
    expect(await noticesOf(accountId)).toHaveLength(0);
    expect(await textsOf(accountId)).toHaveLength(0);
  });

  it('queues nothing for a refused registration: another origin, a spent challenge, the same key twice, a wrong name', async () => {
    const { owner, accountId } = await patient();
    expect(await add(owner, 'Telefon', { origin: 'https://rejestracja.example.net' })).toEqual({ ok: false, reason: 'invalid' });

    const spent = await ceremony(owner);
    expect((await addPasskey(db(), owner, { handle: spent.handle, response: spent.response, name: 'Telefon' })).ok).toBe(true);
    expect(await addPasskey(db(), owner, { handle: spent.handle, response: spent.response, name: 'Telefon' })).toEqual({
      ok: false,
      reason: 'challenge',
    });

    const [stored] = await db().select().from(passkeys).where(eq(passkeys.accountId, accountId));
    expect(await add(owner, 'Znowu', { credentialId: stored!.credentialId })).toEqual({ ok: false, reason: 'duplicate' });

    // A wrong label is refused before the challenge is spent: the same answer then goes through.
    const named = await ceremony(owner);
    for (const name of ['', '   ', 'x'.repeat(61), 'Klucz\u202Eevil']) {
      expect(await addPasskey(db(), owner, { handle: named.handle, response: named.response, name })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect((await addPasskey(db(), owner, { handle: named.handle, response: named.response, name: 'Laptop' })).ok).toBe(true);

    // Two keys added, two notices; the refusals queued none.
    expect(await noticesOf(accountId)).toHaveLength(2);
    expect(await textsOf(accountId)).toHaveLength(2);
  });

  it('refuses an account that can no longer act: a blocked patient, a disabled staff member', async () => {
    const { owner, accountId } = await patient();
    const { handle, response } = await ceremony(owner);
    await db().update(webAccounts).set({ status: 'blocked' }).where(eq(webAccounts.id, accountId));
    expect(await startAddingPasskey(db(), owner)).toEqual({ ok: false, reason: 'gone' });
    expect(await addPasskey(db(), owner, { handle, response, name: 'Telefon' })).toEqual({ ok: false, reason: 'gone' });
    expect(await noticesOf(accountId)).toHaveLength(0);

    const desk = await staff();
    await db().update(staffAccounts).set({ disabledAt: new Date() }).where(eq(staffAccounts.id, desk.id));
    expect(await startAddingPasskey(db(), desk)).toEqual({ ok: false, reason: 'gone' });
  });

  it('sends staff no email: the audit entry is their record', async () => {
    const desk = await staff();
    const before = (await allPasskeyNotices()).length;
    const result = await add(desk, 'Klucz YubiKey');
    expect(result.ok).toBe(true);
    expect(await allPasskeyNotices()).toHaveLength(before);
    const audit = await db().select().from(auditLog).where(eq(auditLog.staffId, desk.id));
    expect(audit.find((e) => e.action === 'passkey.added')?.details).toMatchObject({ name: 'Klucz YubiKey' });
  });

  it('refuses to remove the last staff factor while STAFF_MFA=required, and removes it when optional', async () => {
    const desk = await staff();
    const first = await add(desk, 'Klucz YubiKey');
    if (!first.ok) throw new Error(first.reason);
    expect(await removeOwnPasskey(db(), desk, first.passkeyId, 'required')).toEqual({ ok: false, reason: 'last_factor' });
    expect(await listPasskeys(db(), desk)).toHaveLength(1);

    // With a second key, either one may go; the last one stays.
    const second = await add(desk, 'Zapasowy klucz');
    if (!second.ok) throw new Error(second.reason);
    expect(await removeOwnPasskey(db(), desk, first.passkeyId, 'required')).toEqual({ ok: true });
    expect(await removeOwnPasskey(db(), desk, second.passkeyId, 'required')).toEqual({ ok: false, reason: 'last_factor' });

    expect(await removeOwnPasskey(db(), desk, second.passkeyId, 'optional')).toEqual({ ok: true });
    expect(await listPasskeys(db(), desk)).toEqual([]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.staffId, desk.id));
    expect(audit.filter((e) => e.action === 'passkey.removed')).toHaveLength(2);
  });

  it('lets a patient remove their last key whatever STAFF_MFA says (their second factor is optional)', async () => {
    const { owner } = await patient();
    const added = await add(owner);
    if (!added.ok) throw new Error(added.reason);
    expect(await removeOwnPasskey(db(), owner, added.passkeyId, 'required')).toEqual({ ok: true });
    expect(await listPasskeys(db(), owner)).toEqual([]);
  });

  it('answers not_found for another owner’s key, a patient’s or a staff member’s, and keeps it', async () => {
    const anna = await patient();
    const jan = await patient();
    const desk = await staff();
    const annasKey = await add(anna.owner);
    const desksKey = await add(desk, 'Klucz YubiKey');
    if (!annasKey.ok || !desksKey.ok) throw new Error('not added');

    expect(await removeOwnPasskey(db(), jan.owner, annasKey.passkeyId, 'optional')).toEqual({ ok: false, reason: 'not_found' });
    expect(await removeOwnPasskey(db(), desk, annasKey.passkeyId, 'optional')).toEqual({ ok: false, reason: 'not_found' });
    expect(await removeOwnPasskey(db(), anna.owner, desksKey.passkeyId, 'optional')).toEqual({ ok: false, reason: 'not_found' });
    // The same id under the other kind of owner is still someone else.
    expect(await removeOwnPasskey(db(), { kind: 'staff', id: anna.accountId }, annasKey.passkeyId, 'optional')).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await removeOwnPasskey(db(), anna.owner, 'not-a-uuid', 'optional')).toEqual({ ok: false, reason: 'not_found' });

    expect(await listPasskeys(db(), anna.owner)).toHaveLength(1);
    expect(await listPasskeys(db(), desk)).toHaveLength(1);
  });
});
