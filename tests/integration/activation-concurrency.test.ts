import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { registerPatient } from '@/lib/registration/register-patient';
import { describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';

describePostgres('activation under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => database?.dispose());

  it('sets one password when one link is submitted several times at once', async () => {
    const outcome = await registerPatient(database.db, person(), context());
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
    const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const passwords = ['Pierwsze#Haslo1', 'Drugie#Haslo22', 'Trzecie#Haslo3', 'Czwarte#Haslo4'];
    const results = await Promise.all(
      passwords.map((password) => setPasswordWithToken(database.db, { purpose: 'activation', token, password, repeat: password })),
    );
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'token' && r.state === 'used')).toHaveLength(passwords.length - 1);
  });
});
