// The sign-in, second-factor and password answers come in the words they are given (the request's
// language), not in Polish regardless: real sign-in steps on every database, answered with a
// catalogue that differs from Polish where it matters, and with Polish byte for byte.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ruleText } from '@/components/password/rules';
import { passwordStep } from '@/lib/auth/sign-in-flow';
import { wordsFor } from '@/lib/messages';
import type { Catalogue } from '@/lib/messages/catalogue';
import { pl } from '@/lib/messages/pl';
import { initialState, replyTo } from '@/lib/web/action';
import { malformedEnrolmentCode, refusedStep } from '@/lib/web/sign-in-answers';
import { activePatient, registeredPatient } from '../helpers/accounts';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';

/** Polish with the answers under test reworded, as a translation would be. */
const other: Catalogue = {
  ...pl,
  wait: (seconds) => `${seconds} seconds`,
  limited: (wait) => `Too many attempts; try again in ${wait}.`,
  signIn: { ...pl.signIn, failed: 'Wrong login or password.', blocked: 'Blocked.' },
  mfa: { ...pl.mfa, failed: 'Wrong code.', required: 'Type the code.' },
  activate: { ...pl.activate, rules: { ...pl.activate.rules, minLength: (n) => `at least ${n} characters`, digit: 'a digit' } },
};

describeEachDatabase('sign-in answers in the given words', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('words a wrong password and an account not yet activated alike, in the catalogue given', async () => {
    const db = database.db;
    const active = await activePatient(db);
    const wrong = await passwordStep(db, active.data.login, 'Not-the#Password1', '203.0.113.7');
    expect(wrong.status).toBe('refused');
    if (wrong.status !== 'refused') return;
    const answer = refusedStep(replyTo(initialState(), other), wrong, other.signIn.failed, other, { login: active.data.login });
    expect(answer).toMatchObject({ status: 'failed', message: 'Wrong login or password.', values: { login: active.data.login } });

    const waiting = await registeredPatient(db);
    const pending = await passwordStep(db, waiting.data.login, 'Any#Password123', '203.0.113.7');
    // Not activated: nothing tells it from a wrong password (the page offers the link to everyone).
    expect(pending).toMatchObject({ status: 'refused', reason: 'invalid' });
    if (pending.status !== 'refused') return;
    expect(refusedStep(replyTo(initialState(), other), pending, other.signIn.failed, other).message).toBe('Wrong login or password.');
  });

  it('words a blocked account and a wait in the catalogue given', () => {
    const reply = replyTo(initialState(), other);
    expect(refusedStep(reply, { status: 'refused', reason: 'blocked', retryAfterSeconds: 0 }, other.mfa.failed, other).message).toBe(
      'Blocked.',
    );
    const limited = refusedStep(reply, { status: 'refused', reason: 'limited', retryAfterSeconds: 45 }, other.mfa.failed, other);
    expect(limited).toMatchObject({ status: 'limited', message: 'Too many attempts; try again in 45 seconds.' });
    expect(
      refusedStep(replyTo(initialState(), pl), { status: 'refused', reason: 'limited', retryAfterSeconds: 45 }, pl.mfa.failed, pl).message,
    ).toBe('Zbyt wiele prób w krótkim czasie. Spróbuj ponownie za 45 s.');
  });
});

it('refuses an enrolment code that cannot be right in the catalogue given, and lets six digits through', () => {
  const reply = replyTo(initialState(), other);
  expect(malformedEnrolmentCode(reply, '', other)).toMatchObject({ status: 'required', message: 'Type the code.' });
  expect(malformedEnrolmentCode(reply, '12a456', other)).toMatchObject({ status: 'failed', message: 'Wrong code.' });
  expect(malformedEnrolmentCode(reply, '123456', other)).toBeNull();
  expect(malformedEnrolmentCode(replyTo(initialState(), pl), '', pl)?.message).toBe('Wpisz kod.');
});

it('words the password rules in the catalogue given', () => {
  expect(ruleText('minLength', 'strong', other)).toBe('at least 8 characters');
  expect(ruleText('digit', 'length', other)).toBe('a digit');
  expect(ruleText('minLength', 'length', wordsFor('pl'))).toBe('co najmniej 15 znaków');
});
