import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import argon2 from 'argon2';
import { accountTokens, emailOutbox, webAccounts } from '@/db/schema';
import { inspectToken } from '@/lib/account/inspect-account-token';
import { setPasswordWithToken } from '@/lib/account/set-password-with-token';
import { requestPasswordReset, resendActivationLink } from '@/lib/account/send-account-links';
import { issueAccountToken } from '@/lib/account/issue-account-token';
import { authenticate } from '@/lib/auth/authenticate';
import { HASH_OPTIONS } from '@/lib/auth/password-hash';
import { checkSession, startSignedInSession } from '@/lib/auth/sessions';
import { registerPatient } from '@/lib/registration/register-patient';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { context, person } from '../helpers/registration';

const GOOD = 'Zielona#Lampa7';

describeEachDatabase('activation, password and sign-in', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;

  /** Registers someone and returns the activation token from their email. */
  async function registered(overrides = {}) {
    const data = person(overrides);
    const outcome = await registerPatient(db(), data, context());
    if (outcome.status !== 'registered') throw new Error(outcome.status);
    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, outcome.accountId));
    const token = /\/activate\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    return { data, accountId: outcome.accountId, token };
  }

  async function latestToken(accountId: string, path: string) {
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId));
    const latest = mails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.text.localeCompare(a.text))[0]!;
    return new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(latest.text)?.[1];
  }

  it('activates the account with a valid link and a good password, once', async () => {
    const { data, accountId, token } = await registered();
    expect((await inspectToken(db(), 'activation', token)).state).toBe('valid');
    expect(await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD })).toEqual({
      status: 'ok',
      accountId,
    });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account!.status).toBe('active');
    expect(account!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account!.activatedAt).not.toBeNull();
    expect((await inspectToken(db(), 'activation', token)).state).toBe('used');
    expect(await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD })).toEqual({
      status: 'token',
      state: 'used',
    });
    expect(await authenticate(db(), data.login.toUpperCase(), GOOD)).toMatchObject({ ok: true, id: accountId });
  });

  it('refuses a weak password and spends nothing', async () => {
    const { data, token } = await registered();
    const outcome = await setPasswordWithToken(db(), { purpose: 'activation', token, password: `x${data.login}A1!`, repeat: 'other' });
    expect(outcome).toEqual({ status: 'weak', broken: ['noLogin', 'repeat'] });
    expect((await inspectToken(db(), 'activation', token)).state).toBe('valid');
  });

  it('refuses a password containing the PESEL', async () => {
    const { data, token } = await registered();
    const password = `Ab!${data.pesel}`;
    expect(await setPasswordWithToken(db(), { purpose: 'activation', token, password, repeat: password })).toEqual({
      status: 'weak',
      broken: ['noPesel'],
    });
  });

  it('tells an expired link from an unknown one', async () => {
    const { token } = await registered();
    const later = new Date(Date.now() + 25 * 3600_000);
    expect((await inspectToken(db(), 'activation', token, later)).state).toBe('expired');
    expect(await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD, now: later })).toEqual({
      status: 'token',
      state: 'expired',
    });
    expect((await inspectToken(db(), 'activation', 'A'.repeat(43))).state).toBe('unknown');
    expect((await inspectToken(db(), 'activation', 'not a token')).state).toBe('unknown');
    expect((await inspectToken(db(), 'password_reset', token)).state).toBe('unknown');
  });

  it('invalidates older links when a new one is sent', async () => {
    const { data, accountId, token } = await registered();
    await resendActivationLink(db(), data.email.toUpperCase());
    const fresh = await latestToken(accountId, '/activate');
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(token);
    expect((await inspectToken(db(), 'activation', token)).state).toBe('superseded');
    expect((await inspectToken(db(), 'activation', fresh!)).state).toBe('valid');
    expect(await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD })).toEqual({
      status: 'token',
      state: 'superseded',
    });
  });

  it('sends no new activation link to an unknown address or an active account', async () => {
    const { data, token } = await registered();
    await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD });
    const before = (await db().select().from(emailOutbox)).length;
    await resendActivationLink(db(), data.email);
    await resendActivationLink(db(), 'nobody@example.pl');
    expect((await db().select().from(emailOutbox)).length).toBe(before);
  });

  it('resets a password with a one-hour link by login or email and ends existing sessions', async () => {
    const { data, accountId, token } = await registered();
    await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD });
    const signedIn = await authenticate(db(), data.login, GOOD);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const sid = await startSignedInSession(db(), accountId, 'patient', { amr: ['pwd'] });
    expect(await checkSession(db(), sid, accountId, 'patient', signedIn.sessionVersion)).toEqual({ ok: true });

    await requestPasswordReset(db(), data.login);
    const reset = await latestToken(accountId, '/password/reset');
    const [row] = await db()
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, 'password_reset')));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(3600_000);
    const next = 'Niebieska$Lampa8';
    expect((await setPasswordWithToken(db(), { purpose: 'password_reset', token: reset!, password: next, repeat: next })).status).toBe(
      'ok',
    );
    expect(await checkSession(db(), sid, accountId, 'patient', signedIn.sessionVersion)).toEqual({ ok: false, reason: 'ended' });
    expect(await authenticate(db(), data.login, GOOD)).toEqual({ ok: false, reason: 'invalid' });
    expect((await authenticate(db(), data.login, next)).ok).toBe(true);
  });

  it('sends no reset link for an account still waiting for activation', async () => {
    const { data, accountId } = await registered();
    await requestPasswordReset(db(), data.email);
    expect(await latestToken(accountId, '/password/reset')).toBeUndefined();
  });

  it('answers sign-in with one generic reason for unknown logins, logins not activated and wrong passwords', async () => {
    const { data, token } = await registered();
    // Not activated yet: the same answer, whatever password (there is none to check).
    expect(await authenticate(db(), data.login, GOOD)).toEqual({ ok: false, reason: 'invalid' });
    await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD });
    expect(await authenticate(db(), data.login, 'Wrong#Pass1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db(), 'nobody.at.all', GOOD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a blocked account and ends its sessions', async () => {
    const { data, accountId, token } = await registered();
    await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD });
    const signedIn = await authenticate(db(), data.login, GOOD);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const sid = await startSignedInSession(db(), accountId, 'patient', { amr: ['pwd'] });
    await db().update(webAccounts).set({ status: 'blocked' }).where(eq(webAccounts.id, accountId));
    expect(await authenticate(db(), data.login, GOOD)).toEqual({ ok: false, reason: 'blocked' });
    expect(await authenticate(db(), data.login, 'Wrong#Pass1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkSession(db(), sid, accountId, 'patient', signedIn.sessionVersion)).toEqual({ ok: false, reason: 'ended' });
    const reissued = await db().transaction((tx) => issueAccountToken(tx, { accountId, purpose: 'password_reset', ttlHours: 1 }));
    expect((await inspectToken(db(), 'password_reset', reissued.token)).state).toBe('unknown');
  });

  it('upgrades a hash made with weaker parameters at the next sign-in', async () => {
    const { data, accountId, token } = await registered();
    await setPasswordWithToken(db(), { purpose: 'activation', token, password: GOOD, repeat: GOOD });
    const weak = await argon2.hash(GOOD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await db().update(webAccounts).set({ passwordHash: weak }).where(eq(webAccounts.id, accountId));
    expect((await authenticate(db(), data.login, GOOD)).ok).toBe(true);
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, accountId));
    expect(account!.passwordHash).not.toBe(weak);
    expect(account!.passwordHash).toContain(`m=${HASH_OPTIONS.memoryCost},`);
    expect(account!.passwordHash).toContain(`t=${HASH_OPTIONS.timeCost}`);
  });
});
