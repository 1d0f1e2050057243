import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accountTokens, blockedRegistrations, consents, emailOutbox, patients, webAccounts } from '@/db/schema';
import { CONSENTS } from '@/lib/consents';
import { registerPatient } from '@/lib/registration/register-patient';
import { nameKey } from '@/lib/text';
import { hashToken } from '@/lib/secret-tokens';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person, uniquePesel } from '../helpers/registration';
import { rowCounts } from '../helpers/rows';

describeEachDatabase('registerPatient', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  async function existingPatient(overrides: Partial<typeof patients.$inferInsert> = {}) {
    const { pesel, birthDate } = uniquePesel();
    const values = {
      pesel,
      firstName: 'Łukasz',
      lastName: 'Żółkiewski',
      birthDate,
      city: 'Puchaczów',
      houseNumber: '1',
      postalCode: '21-013',
      source: 'import' as const,
      ...overrides,
    };
    const [row] = await db()
      .insert(patients)
      .values({ ...values, firstNameKey: nameKey(values.firstName), lastNameKey: nameKey(values.lastName) })
      .returning();
    return row!;
  }

  async function blockedFor(email: string) {
    return db().select().from(blockedRegistrations).where(eq(blockedRegistrations.email, email));
  }

  it('creates a patient, a pending account, consents, a hashed token and the activation email', async () => {
    const data = person();
    const outcome = await registerPatient(db(), data, context());
    expect(outcome.status).toBe('registered');
    if (outcome.status !== 'registered') return;
    expect(outcome.attached).toBe(false);

    const [patient] = await db().select().from(patients).where(eq(patients.id, outcome.patientId));
    expect(patient).toMatchObject({ pesel: data.pesel, birthDate: data.birthDate, sex: data.sex, source: 'registration', city: 'Łęczna' });

    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, outcome.accountId));
    expect(account).toMatchObject({
      status: 'pending_activation',
      login: data.login,
      email: data.email,
      passwordHash: null,
      patientAttached: 0,
    });

    const given = await db().select().from(consents).where(eq(consents.accountId, outcome.accountId));
    expect(given.map((c) => c.kind).sort()).toEqual(['data_processing', 'email', 'sms']);
    expect(given.find((c) => c.kind === 'sms')).toMatchObject({ textVersion: CONSENTS.sms.version, ip: '127.0.0.1', userAgent: 'vitest' });

    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
    expect(mail).toMatchObject({ recipient: data.email, status: 'pending', template: 'activation' });
    const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
    expect(token).toBeDefined();
    expect(mail!.html).toContain(`/activate/${token}`);
    expect(mail!.text).not.toContain(data.login); // MAIL_INCLUDE_LOGIN defaults to off

    const tokens = await db().select().from(accountTokens).where(eq(accountTokens.accountId, outcome.accountId));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(hashToken(token!));
    expect(tokens[0]!.purpose).toBe('activation');
    const ttl = tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime();
    expect(ttl).toBe(24 * 3600_000);
  });

  it('stores only the consents given: no SMS consent without a phone', async () => {
    const outcome = await registerPatient(
      db(),
      person({ phone: null, consents: { dataProcessing: true, email: true, sms: true } }),
      context(),
    );
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const given = await db().select().from(consents).where(eq(consents.accountId, outcome.accountId));
    expect(given.map((c) => c.kind).sort()).toEqual(['data_processing', 'email']);
  });

  it('blocks an email that already belongs to an account, whatever its case', async () => {
    const first = person();
    expect((await registerPatient(db(), first, context())).status).toBe('registered');
    const before = await rowCounts(db());
    const second = person({ email: `  ${first.email.toUpperCase()}`.trim() });
    expect(await registerPatient(db(), second, context())).toEqual({ status: 'conflict', reason: 'email_taken' });
    const after = await rowCounts(db());
    expect(after).toEqual({ ...before, blocked: before.blocked + 1 });
    const [blocked] = await blockedFor(second.email);
    expect(blocked).toMatchObject({ reason: 'email_taken', pesel: second.pesel, login: second.login, ip: '127.0.0.1' });
  });

  it('attaches the account to an existing patient whose names match, without overwriting the record', async () => {
    const existing = await existingPatient();
    const data = person({
      pesel: existing.pesel,
      birthDate: existing.birthDate!,
      firstName: 'łukasz',
      lastName: 'ZOLKIEWSKI',
      city: 'Łęczna',
    });
    const outcome = await registerPatient(db(), data, context());
    expect(outcome).toMatchObject({ status: 'registered', patientId: existing.id, attached: true });
    const [patient] = await db().select().from(patients).where(eq(patients.id, existing.id));
    expect(patient).toEqual(existing);
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.patientId, existing.id));
    expect(account!.patientAttached).toBe(1);
    expect(account!.submitted.city).toBe('Łęczna');
  });

  it('refuses to attach to a patient with this PESEL but another name', async () => {
    const existing = await existingPatient();
    const before = await rowCounts(db());
    const data = person({ pesel: existing.pesel, firstName: 'Łukasz', lastName: 'Kowalski' });
    expect(await registerPatient(db(), data, context())).toEqual({ status: 'conflict', reason: 'pesel_name_mismatch' });
    expect((await rowCounts(db())).accounts).toBe(before.accounts);
    expect(await blockedFor(data.email)).toHaveLength(1);
  });

  it('refuses a PESEL whose patient already has a web account', async () => {
    const first = person();
    await registerPatient(db(), first, context());
    const second = person({ pesel: first.pesel });
    expect(await registerPatient(db(), second, context())).toEqual({ status: 'conflict', reason: 'pesel_has_account' });
  });

  it('creates a new patient without PESEL when nobody matches name and birth date', async () => {
    const data = person({ pesel: null, sex: null, birthDate: '1961-02-03', firstName: 'Oksana', lastName: 'Bez-Peselu' });
    const outcome = await registerPatient(db(), data, context());
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const [patient] = await db().select().from(patients).where(eq(patients.id, outcome.patientId));
    expect(patient).toMatchObject({ pesel: null, birthDate: '1961-02-03', sex: null });
  });

  it('sends a person without PESEL to the desk when one record without an account matches', async () => {
    await existingPatient({ pesel: null, firstName: 'Iryna', lastName: 'Kovalenko', birthDate: '1985-05-05' });
    const data = person({ pesel: null, birthDate: '1985-05-05', firstName: 'IRYNA', lastName: 'kovalenko' });
    expect(await registerPatient(db(), data, context())).toEqual({ status: 'conflict', reason: 'identity_needs_staff' });
  });

  it('refuses a person without PESEL whose namesake record already has an account', async () => {
    const data = person({ pesel: null, birthDate: '1979-09-09', firstName: 'Ewa', lastName: 'Bezpeselowa' });
    expect((await registerPatient(db(), data, context())).status).toBe('registered');
    const again = person({ pesel: null, birthDate: '1979-09-09', firstName: 'Ewa', lastName: 'Bezpeselowa' });
    expect(await registerPatient(db(), again, context())).toEqual({ status: 'conflict', reason: 'identity_has_account' });
  });

  it('refuses a person without PESEL when several records match', async () => {
    await existingPatient({ pesel: null, firstName: 'Petro', lastName: 'Bondar', birthDate: '1970-01-01' });
    await existingPatient({ pesel: null, firstName: 'Petro', lastName: 'Bondar', birthDate: '1970-01-01' });
    const data = person({ pesel: null, birthDate: '1970-01-01', firstName: 'Petro', lastName: 'Bondar' });
    expect(await registerPatient(db(), data, context())).toEqual({ status: 'conflict', reason: 'identity_ambiguous' });
  });

  it('reports a taken login as a field error and writes nothing else', async () => {
    const first = person();
    await registerPatient(db(), first, context());
    const before = await rowCounts(db());
    const outcome = await registerPatient(db(), person({ login: first.login.toUpperCase() }), context());
    expect(outcome).toEqual({ status: 'invalid', fieldErrors: { login: 'taken' } });
    expect(await rowCounts(db())).toEqual(before);
  });

  it('refuses a captcha challenge that was already used', async () => {
    const ctx = context();
    expect((await registerPatient(db(), person(), ctx)).status).toBe('registered');
    const before = await rowCounts(db());
    const replay = await registerPatient(db(), person(), { ...ctx });
    expect(replay).toEqual({ status: 'invalid', fieldErrors: { captchaAnswer: 'used' } });
    expect(await rowCounts(db())).toEqual(before);
  });

  it('writes all or nothing: a failure while queueing the email leaves no patient, account or token', async () => {
    await db().execute(sql`
      create or replace function fail_outbox() returns trigger language plpgsql as $$
      begin raise exception 'outbox unavailable'; end $$`);
    await db().execute(sql`create trigger fail_outbox before insert on email_outbox for each row execute function fail_outbox()`);
    try {
      const before = await rowCounts(db());
      await expect(registerPatient(db(), person(), context())).rejects.toThrow();
      expect(await rowCounts(db())).toEqual(before);
    } finally {
      await db().execute(sql`drop trigger fail_outbox on email_outbox`);
    }
  });

  it('records blocked attempts with the submitted identity', async () => {
    const owner = person({ firstName: 'Anna', lastName: 'Nowak' });
    await registerPatient(db(), owner, context());
    const data = person({ pesel: owner.pesel, firstName: 'Anna', lastName: 'Nowak' });
    const outcome = await registerPatient(db(), data, context());
    expect(outcome.status).toBe('conflict');
    const [row] = await blockedFor(data.email);
    expect(row).toMatchObject({ pesel: data.pesel, firstName: 'Anna', lastName: 'Nowak', email: data.email, login: data.login });
    expect(Date.now() - row!.createdAt.getTime()).toBeLessThan(60_000);
  });
});
