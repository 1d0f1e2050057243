// NOTIFY_EMAIL_OWNER_ON_CONFLICT: the owner of an address learns that someone tried it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { registerPatient } from '@/lib/registration/register-patient';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';

process.env.NOTIFY_EMAIL_OWNER_ON_CONFLICT = '1'; // read lazily, at the first registration

describeEachDatabase('conflict notice to the owner of an email', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('queues a notice without personal data to the existing account when its email is tried again', async () => {
    const owner = person();
    const first = await registerPatient(database.db, owner, context());
    if (first.status !== 'registered') throw new Error(first.status);
    const intruder = person({ email: owner.email.toUpperCase(), firstName: 'Intruz' });
    expect((await registerPatient(database.db, intruder, context())).status).toBe('conflict');
    const mails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.accountId, first.accountId));
    const notice = mails.find((m) => m.template === 'registration_attempt');
    expect(notice?.recipient).toBe(owner.email);
    expect(notice?.text).not.toContain('Intruz');
    expect(notice?.text).not.toContain(intruder.pesel!);
  });

  it('sends nothing for a conflict on PESEL alone', async () => {
    const owner = person();
    const first = await registerPatient(database.db, owner, context());
    if (first.status !== 'registered') throw new Error(first.status);
    await registerPatient(database.db, person({ pesel: owner.pesel }), context());
    const mails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.accountId, first.accountId));
    expect(mails.map((m) => m.template)).toEqual(['activation']);
  });
});
