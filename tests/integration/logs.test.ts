// The logs of a whole patient journey, failures included, carry no personal data.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { requestPasswordReset } from '@/lib/account/send-account-links';
import { signInWithLimits } from '@/lib/auth/authenticate';
import { logger } from '@/lib/log';
import { dispatchOnce } from '@/lib/mail/dispatcher';
import { createResendSender } from '@/lib/mail/senders';
import { submitRegistration } from '@/app/(public)/register/submit-registration';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { startFakeResend, type FakeResend } from '../helpers/fake-resend';
import { validForm } from '../helpers/registration';

describeEachDatabase('logs', (kind) => {
  let database: TestDatabase;
  let fake: FakeResend;
  const captured: string[] = [];
  let restore: () => void;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    fake = await startFakeResend();
    const write = process.stdout.write.bind(process.stdout);
    const errorWrite = process.stderr.write.bind(process.stderr);
    const level = logger.level;
    logger.level = 'trace';
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return write(chunk, ...(rest as []));
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return errorWrite(chunk, ...(rest as []));
    }) as typeof process.stderr.write;
    restore = () => {
      process.stdout.write = write;
      process.stderr.write = errorWrite;
      logger.level = level;
    };
  });
  afterAll(async () => {
    restore?.();
    await fake?.close();
    await database?.dispose();
  });

  it('holds no PESEL, name, email, phone, login, password or token of a patient whose journey is logged', async () => {
    const db = database.db;
    const form = validForm({ firstName: 'Genowefa', lastName: 'Pigwa-Logowska', phone: '+48 601 234 567' });
    expect((await submitRegistration(db, form, { ip: '10.1.2.3', userAgent: 'test' })).status).toBe('registered');
    // A conflict, a validation failure and an internal failure (the outbox refuses) are logged too.
    await submitRegistration(db, validForm({ pesel: form.pesel, firstName: 'Genowefa', lastName: 'Pigwa-Logowska' }), {
      ip: null,
      userAgent: null,
    });
    await submitRegistration(db, { ...form, postalCode: 'zły' }, { ip: null, userAgent: null });
    await db.execute(
      sql`create or replace function fail_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox down for %', new.recipient; end $$`,
    );
    await db.execute(sql`create trigger fail_outbox before insert on email_outbox for each row execute function fail_outbox()`);
    const failing = validForm({ firstName: 'Genowefa', lastName: 'Pigwa-Logowska', email: 'genowefa.druga@example.pl' });
    expect((await submitRegistration(db, failing, { ip: null, userAgent: null })).status).toBe('error');
    await db.execute(sql`drop trigger fail_outbox on email_outbox`);

    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.recipient, String(form.email)));
    const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const password = 'Tajne#Haslo2026';
    await setPasswordWithToken(db, { purpose: 'activation', token, password: 'weak', repeat: 'weak' });
    await setPasswordWithToken(db, { purpose: 'activation', token, password, repeat: password });
    await signInWithLimits(db, String(form.login), 'Wrong#Password1', '10.1.2.3');
    await signInWithLimits(db, String(form.login), password, '10.1.2.3');
    await requestPasswordReset(db, String(form.email));
    fake.respond = () => ({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'rejected' } });
    await dispatchOnce(db, createResendSender({ apiKey: 're_test', baseUrl: fake.url }), { from: 'x@example.pl' });

    const output = captured.join('');
    expect(output).toContain('registration failed'); // the failure was logged …
    for (const secret of [
      form.pesel,
      'Genowefa',
      'Pigwa',
      form.email,
      'genowefa.druga',
      form.login,
      '601234567',
      '601 234 567',
      password,
      token,
    ]) {
      expect(output, `log output contains ${String(secret)}`).not.toContain(String(secret)); // … without personal data
    }
  });
});
