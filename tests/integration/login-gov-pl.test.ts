// The three uses of login.gov.pl on every database: the node is played in-process
// (../helpers/login-gov-pl-node.ts); HTTPS to a stub node is covered end to end.
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, authSessions, emailOutbox, usedNonces, webAccounts, wkRequests } from '@/db/schema';
import { createArtifact, type SimulatedPerson } from '@/lib/login-gov-pl/simulated-node';
import { generateP256KeyPair } from '@/lib/login-gov-pl';
import { resendActivationLink } from '@/lib/account/send-account-links';
import { blockAccount, resendActivationByStaff } from '@/lib/staff/verification-decisions';
import { heldIdentity, spendHeldIdentity } from '@/lib/wk/held-identity';
import { receiveArtifact, startRequest, type SoapTransport } from '@/lib/wk/identity-node';
import { submitRegistration } from '@/app/(public)/register/submit-registration';
import { activePatient, newRegistrar, registeredPatient, verifiedPatient } from '../helpers/accounts';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { person, validForm } from '../helpers/registration';
import { asNode, config, NODE_ID, playNode } from '../helpers/login-gov-pl-node';

describeEachDatabase('login.gov.pl', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  const db = () => database.db;
  const { transport, answer } = playNode();

  /** Starts a use in "this browser" and returns the node's artifact for `who` with the browser's request id. */
  async function roundTrip(purpose: 'login' | 'register' | 'verify', who: SimulatedPerson | null, accountId: string | null = null) {
    const started = await startRequest(db(), config, purpose, accountId);
    const artifact = answer(started.requestId, who);
    return { artifact, requestId: started.requestId };
  }
  const receive = (artifact: string, browserRequestId: string | undefined) =>
    receiveArtifact(db(), config, { samlArt: artifact, browserRequestId }, transport);

  /** A patient verified at the desk: the only kind of existing account the node may sign in to. */
  const deskVerified = async () => verifiedPatient(db(), await newRegistrar(db()));

  it('signs in the patient whose verified account has this PESEL, without the password, and audits it', async () => {
    const patient = await deskVerified();
    const { artifact, requestId } = await roundTrip('login', asNode(patient.data));
    const outcome = await receive(artifact, requestId);
    expect(outcome).toMatchObject({ kind: 'signed-in', grant: { id: patient.accountId, role: 'patient' } });
    if (outcome.kind !== 'signed-in') return;
    const [session] = await db().select().from(authSessions).where(eq(authSessions.id, outcome.grant.sid));
    expect(session).toMatchObject({ accountId: patient.accountId, endedAt: null });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, patient.accountId), eq(auditLog.action, 'wk.signin')));
    expect(audit[0]?.details).toEqual({ loa: 'substantial', means: 'mObywatel' });
  });

  it('commits the answer with the sign-in: when the session cannot be written, the request stays open and the assertion unspent', async () => {
    const patient = await deskVerified();
    const { artifact, requestId } = await roundTrip('login', asNode(patient.data));
    const spentAssertions = async () =>
      (await db().select({ n: count() }).from(usedNonces).where(eq(usedNonces.purpose, 'wk.assertion')))[0]!.n;
    const before = await spentAssertions();
    // The database refuses this patient's session (a full disk, a lost connection: anything).
    await db().execute(
      sql.raw(`create function refuse_session() returns trigger language plpgsql as $$
      begin if new.account_id = '${patient.accountId}' then raise exception 'no session today'; end if; return new; end $$`),
    );
    await db().execute(sql`create trigger refuse_session before insert on auth_sessions for each row execute function refuse_session()`);
    try {
      await expect(receive(artifact, requestId)).rejects.toThrow();
    } finally {
      await db().execute(sql`drop trigger refuse_session on auth_sessions`);
      await db().execute(sql`drop function refuse_session()`);
    }
    const [request] = await db().select().from(wkRequests).where(eq(wkRequests.id, requestId));
    expect(request!.answeredAt).toBeNull();
    expect(await spentAssertions()).toBe(before);
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, patient.accountId));
    expect(account).toMatchObject({ signInCount: 0, lastSignInAt: null });
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.accountId, patient.accountId), eq(auditLog.action, 'wk.signin'))),
    ).toEqual([]);
  });

  it('never signs the node’s person in to an unverified account, whose PESEL is only what its registrant typed', async () => {
    // Someone registered with this person's PESEL and names, with their own email and password.
    const squatter = await activePatient(db());
    const { artifact, requestId } = await roundTrip('login', asNode(squatter.data));
    expect(await receive(artifact, requestId)).toMatchObject({ kind: 'refused', reason: 'unverified_account' });
    expect(await db().select().from(authSessions).where(eq(authSessions.accountId, squatter.accountId))).toHaveLength(0);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, squatter.accountId), eq(auditLog.action, 'wk.refused')));
    expect(audit[0]?.details).toMatchObject({ reason: 'unverified_account' });
    // A verified account whose record has another birth date than the node's: not signed in either.
    const verified = await deskVerified();
    const other = await roundTrip('login', asNode({ ...verified.data, birthDate: '1950-01-01' }));
    expect(await receive(other.artifact, other.requestId)).toMatchObject({ kind: 'refused', reason: 'record_mismatch' });
  });

  it('accepts an artifact once, a request once, and only in the browser that started it', async () => {
    const patient = await deskVerified();
    const first = await roundTrip('login', asNode(patient.data));
    // Another browser (an attacker's own answer pushed into a victim's browser): no session.
    expect(await receive(first.artifact, 'ID-someone-else')).toMatchObject({ kind: 'refused', reason: 'request_unknown' });
    const second = await roundTrip('login', asNode(patient.data));
    expect((await receive(second.artifact, second.requestId)).kind).toBe('signed-in');
    // The same artifact again, and a second answer to the same request.
    expect(await receive(second.artifact, second.requestId)).toMatchObject({ kind: 'refused', reason: 'request_unknown' });
    const replay = await startRequest(db(), config, 'login', null);
    expect(await receive(second.artifact, replay.requestId)).toMatchObject({ kind: 'refused', reason: 'artifact_reused' });
    const again = answer(second.requestId, asNode(patient.data));
    expect(await receive(again, second.requestId)).toMatchObject({ kind: 'refused', reason: 'request_unknown' });
    // Nothing reaches the node without an open request of this browser's; with one, junk is malformed.
    expect(await receive(createArtifact(NODE_ID), undefined)).toMatchObject({ kind: 'refused', reason: 'request_unknown', purpose: null });
    const open = await startRequest(db(), config, 'login', null);
    expect(await receive('not an artifact', open.requestId)).toMatchObject({ kind: 'refused', reason: 'malformed', purpose: 'login' });
    expect(await receive(undefined as unknown as string, open.requestId)).toMatchObject({ kind: 'refused', reason: 'malformed' });
    // An artifact another node issued (its SourceID is not our node's).
    const foreign = await startRequest(db(), config, 'login', null);
    expect(await receive(createArtifact('https://another.node'), foreign.requestId)).toMatchObject({ kind: 'refused', reason: 'issuer' });
  });

  it('refuses an answer to an expired request and records refusals without personal data', async () => {
    const patient = await deskVerified();
    const { artifact, requestId } = await roundTrip('login', asNode(patient.data));
    await db()
      .update(wkRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(wkRequests.id, requestId));
    expect(await receive(artifact, requestId)).toMatchObject({ kind: 'refused', reason: 'request_unknown' });
    const cancelled = await roundTrip('login', null);
    await receive(cancelled.artifact, cancelled.requestId);
    const refusals = await db().select().from(auditLog).where(eq(auditLog.action, 'wk.refused'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(JSON.stringify(refusals)).not.toContain(patient.data.pesel!);
  });

  it('refuses answers the node signs but that are not for us: another audience, expired, or signed with another key', async () => {
    const patient = await activePatient(db());
    const other = generateP256KeyPair('someone else');
    for (const [tweak, reason] of [
      [{ spEntityId: 'https://another.service' }, 'audience'],
      [{ now: new Date(Date.now() - 3 * 3600_000) }, 'expired'],
      [{ nodeSigningKeyPem: other.privateKeyPem, nodeSigningCertPem: other.certificatePem }, 'signature'],
      [{ spEncryptionCertPem: other.certificatePem }, 'decryption'],
    ] as const) {
      const started = await startRequest(db(), config, 'login', null);
      const artifact = answer(started.requestId, asNode(patient.data), tweak);
      expect(await receive(artifact, started.requestId), reason).toMatchObject({ kind: 'refused', reason });
    }
  });

  it('tells a cancelled sign-in and a failed resolution apart from an attack, changing nothing', async () => {
    const { artifact, requestId } = await roundTrip('login', null);
    expect(await receive(artifact, requestId)).toMatchObject({ kind: 'refused', reason: 'cancelled' });
    const started = await startRequest(db(), config, 'login', null);
    const failing: SoapTransport = () => Promise.reject(new Error('connection refused'));
    const outcome = await receiveArtifact(db(), config, { samlArt: createArtifact(NODE_ID), browserRequestId: started.requestId }, failing);
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'transport' });
  });

  it('never signs in a blocked account or an unverified one waiting for activation', async () => {
    const registrar = await newRegistrar(db());
    const blocked = await activePatient(db());
    await blockAccount(db(), registrar, blocked.accountId, 'Podejrzenie podszycia się');
    const a = await roundTrip('login', asNode(blocked.data));
    expect(await receive(a.artifact, a.requestId)).toMatchObject({ kind: 'refused', reason: 'blocked' });
    const waiting = await registeredPatient(db());
    const b = await roundTrip('login', asNode(waiting.data));
    expect(await receive(b.artifact, b.requestId)).toMatchObject({ kind: 'refused', reason: 'unverified_account' });
    const sessions = await db().select().from(authSessions).where(eq(authSessions.accountId, waiting.accountId));
    expect(sessions).toHaveLength(0);
  });

  it('offers a person without an account to register, holding the node’s values on the server for the form', async () => {
    const data = person({ firstName: 'Zofia', lastName: 'Wiśniewska-Kowalska' });
    const { artifact, requestId } = await roundTrip('login', asNode(data));
    const outcome = await receive(artifact, requestId);
    expect(outcome.kind).toBe('no-account');
    if (outcome.kind !== 'no-account') return;
    expect(await heldIdentity(db(), outcome.handle)).toMatchObject({
      pesel: data.pesel,
      firstName: 'zofia',
      loa: 'substantial',
      means: 'mObywatel',
    });
    expect(await heldIdentity(db(), 'a-guessed-handle')).toBeNull();
    expect(await heldIdentity(db(), undefined)).toBeNull();
  });

  it('registers with the node’s values, not the form’s: verified at once, the email still to confirm', async () => {
    const data = person();
    const { artifact, requestId } = await roundTrip('register', asNode({ ...data, firstName: 'Zofia', lastName: 'Wiśniewska' }));
    const outcome = await receive(artifact, requestId);
    if (outcome.kind !== 'register') throw new Error(outcome.kind);
    const held = await heldIdentity(db(), outcome.handle);
    // The form lies about the four values; the held ones win.
    const form = validForm({ ...data, pesel: '44051401458', firstName: 'Ktoś', lastName: 'Inny', birthDate: '1944-05-14' });
    const answered = await submitRegistration(db(), form, { ip: null, userAgent: null, held });
    expect(answered).toEqual({ status: 'registered' });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.login, data.login));
    expect(account).toMatchObject({
      status: 'verified',
      verificationMethod: 'login.gov.pl',
      verificationLoa: 'substantial',
      verificationMeans: 'mObywatel',
      passwordHash: null,
    });
    expect(account!.submitted).toMatchObject({ pesel: data.pesel, firstName: 'Zofia', lastName: 'Wiśniewska' });
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, account!.id));
    expect(mails.map((m) => m.template)).toContain('activation');
    // Verified, but its email not confirmed yet: no sign-in through the node before the activation link.
    const early = await roundTrip('login', asNode({ ...data, firstName: 'zofia', lastName: 'wiśniewska' }));
    expect(await receive(early.artifact, early.requestId)).toMatchObject({ kind: 'refused', reason: 'not_activated' });
    // Its link lost or expired: a new one can be asked for, by the patient and by the desk.
    const linksBefore = (await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, account!.id))).length;
    await resendActivationLink(db(), data.email);
    expect(await resendActivationByStaff(db(), await newRegistrar(db()), account!.id)).toEqual({ ok: true });
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, account!.id))).toHaveLength(linksBefore + 2);
    expect(await spendHeldIdentity(db(), outcome.handle)).toBe(true);
    expect(await spendHeldIdentity(db(), outcome.handle)).toBe(false);
    expect(await heldIdentity(db(), outcome.handle)).toBeNull();
  });

  it('verifies a signed-in patient whose record matches (names without case or diacritics, the first given name) and emails them', async () => {
    const patient = await activePatient(db(), { firstName: 'Łucja', lastName: 'Żółć-Nowak' });
    const { artifact, requestId } = await roundTrip(
      'verify',
      asNode({ ...patient.data, firstName: 'lucja maria', lastName: 'zolc-nowak' }),
      patient.accountId,
    );
    expect(await receive(artifact, requestId)).toEqual({ kind: 'verified', accountId: patient.accountId });
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, patient.accountId));
    expect(account).toMatchObject({
      status: 'verified',
      verificationMethod: 'login.gov.pl',
      verifiedBy: null,
      verificationMeans: 'mObywatel',
    });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, patient.accountId), eq(auditLog.action, 'account.verify')));
    expect(audit[0]?.details).toMatchObject({ method: 'login.gov.pl', loa: 'substantial' });
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.accountId, patient.accountId));
    expect(mails.map((m) => m.template)).toContain('identity_verified');
    // Verified already: a second verification changes nothing.
    const again = await roundTrip('verify', asNode(patient.data), patient.accountId);
    expect(await receive(again.artifact, again.requestId)).toMatchObject({ kind: 'refused', reason: 'already_verified' });
  });

  it('changes nothing when the node’s person is not the account’s patient, and tells staff which fact differed', async () => {
    const patient = await activePatient(db());
    const stranger = person();
    for (const [who, differ] of [
      [{ ...patient.data, pesel: stranger.pesel }, 'pesel'],
      [{ ...patient.data, birthDate: '1950-01-01' }, 'birth_date'],
      [{ ...patient.data, lastName: 'Inna' }, 'names'],
    ] as const) {
      const { artifact, requestId } = await roundTrip('verify', asNode(who), patient.accountId);
      expect(await receive(artifact, requestId)).toEqual({ kind: 'mismatch', accountId: patient.accountId });
      const [last] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.accountId, patient.accountId), eq(auditLog.action, 'wk.verify_mismatch')))
        .orderBy(auditLog.createdAt);
      expect(JSON.stringify(last?.details)).not.toContain(stranger.pesel!);
      expect(
        String((await db().select().from(auditLog).where(eq(auditLog.action, 'wk.verify_mismatch'))).map((r) => r.details.differ)),
      ).toContain(differ);
    }
    const [account] = await db().select().from(webAccounts).where(eq(webAccounts.id, patient.accountId));
    expect(account).toMatchObject({ status: 'active', verificationMethod: null });
  });
});

describePostgres('login.gov.pl under concurrency', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { max: 10 });
  });
  afterAll(async () => database?.dispose());

  it('answers a request once when several artifacts for it race (several instances, one database)', async () => {
    const db = database.db;
    const { transport, answer } = playNode();
    const patient = await verifiedPatient(db, await newRegistrar(db));
    const started = await startRequest(db, config, 'login', null);
    const artifacts = Array.from({ length: 8 }, () => answer(started.requestId, asNode(patient.data)));
    const outcomes = await Promise.all(
      artifacts.map((samlArt) => receiveArtifact(db, config, { samlArt, browserRequestId: started.requestId }, transport)),
    );
    const kinds = outcomes.map((o) => (o.kind === 'refused' ? o.reason : o.kind)).sort();
    expect(kinds).toEqual([
      'request_unknown',
      'request_unknown',
      'request_unknown',
      'request_unknown',
      'request_unknown',
      'request_unknown',
      'request_unknown',
      'signed-in',
    ]);
  });

  it('resolves one artifact once when it arrives many times at once', async () => {
    const db = database.db;
    const { transport, answer } = playNode();
    const patient = await verifiedPatient(db, await newRegistrar(db));
    const started = await startRequest(db, config, 'login', null);
    const artifact = answer(started.requestId, asNode(patient.data));
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => receiveArtifact(db, config, { samlArt: artifact, browserRequestId: started.requestId }, transport)),
    );
    const kinds = outcomes.map((o) => (o.kind === 'refused' ? o.reason : o.kind)).sort();
    expect(kinds).toEqual([
      'artifact_reused',
      'artifact_reused',
      'artifact_reused',
      'artifact_reused',
      'artifact_reused',
      'artifact_reused',
      'artifact_reused',
      'signed-in',
    ]);
  });
});
