// Passkeys (SPEC §19, lib/webauthn) against a software authenticator, on every database: the
// ceremonies, and every refusal that matters — a replayed or foreign challenge, another origin or
// RP ID, no user verification, a counter that does not grow, another owner's key, junk input.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, authSessions, mfaFactors, passkeys, staffAccounts, webauthnChallenges } from '@/db/schema';
import { loadEnv } from '@/lib/env';
import { facility } from '@/lib/facility';
import { runRetention } from '@/lib/retention/retention';
import {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  hasPasskey,
  issueChallenge,
  listPasskeys,
  relyingParty,
  removePasskey,
  spendChallenge,
  startPasskeyRegistration,
  startPasskeySignIn,
  userHandle,
  type PasskeyOwner,
} from '@/lib/webauthn';
import { registeredPatient } from '../helpers/accounts';
import { describeEachDatabase, describePostgres, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/registration';
import {
  createCredential,
  getAssertion,
  GOOGLE_PASSWORD_MANAGER_AAGUID,
  YUBIKEY_5_AAGUID,
  type AssertionOptions,
  type CreateOptions,
  type SoftCredential,
} from '../helpers/soft-authenticator';

// Read on first use of the configuration, which no import does.
process.env.APP_URL = 'https://rejestracja.szpital.example/';
// Listed in upper case with spaces: the configuration normalises it.
process.env.WEBAUTHN_STAFF_AAGUIDS = ` ${YUBIKEY_5_AAGUID.toUpperCase()} , ee882879-721c-4913-9775-3dfcce97072a`;

// Lets one test run as if the allow-list were unset.
const allowList = vi.hoisted(() => ({ override: undefined as string[] | undefined }));
vi.mock('@/lib/webauthn/relying-party', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/webauthn/relying-party')>();
  return { ...actual, staffAaguids: () => allowList.override ?? actual.staffAaguids() };
});

const RP = { origin: 'https://rejestracja.szpital.example', rpId: 'rejestracja.szpital.example' };
const MINUTE = 60_000;

async function newStaff(db: Db): Promise<PasskeyOwner> {
  const [row] = await db
    .insert(staffAccounts)
    .values({ login: `desk.${uniqueSuffix()}`, name: 'Pani Ewa', role: 'registrar', passwordHash: 'not-used-here' })
    .returning({ id: staffAccounts.id });
  return { kind: 'staff', id: row!.id };
}

async function newPatient(db: Db): Promise<PasskeyOwner> {
  const { accountId } = await registeredPatient(db);
  return { kind: 'patient', id: accountId };
}

async function register(db: Db, owner: PasskeyOwner, authenticator: Partial<CreateOptions> = {}, name = 'Klucz YubiKey') {
  const { handle, options } = await startPasskeyRegistration(db, owner, { name: 'login', displayName: 'Ewa Nowak' });
  const { response, credential } = createCredential(options, { ...RP, ...authenticator });
  const result = await finishPasskeyRegistration(db, owner, handle, response, name);
  return { result, credential, response, handle, options };
}

/** A registered passkey: its id and the authenticator that holds it. */
async function withPasskey(db: Db, owner: PasskeyOwner, authenticator: Partial<CreateOptions> = {}, name?: string) {
  const { result, credential } = await register(db, owner, authenticator, name);
  if (!result.ok) throw new Error(result.reason);
  return { passkeyId: result.passkeyId, credential };
}

async function signIn(
  db: Db,
  credential: SoftCredential,
  options: { owner?: PasskeyOwner; expectedOwner?: PasskeyOwner; assertion?: Partial<AssertionOptions>; now?: Date } = {},
) {
  const started = await startPasskeySignIn(db, options.owner);
  const response = getAssertion(started.options, credential, { ...RP, ...options.assertion });
  return finishPasskeySignIn(db, started.handle, response, options.expectedOwner ?? options.owner, options.now);
}

async function storedPasskey(db: Db, passkeyId: string) {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.id, passkeyId));
  return row;
}

async function auditOf(db: Db, owner: PasskeyOwner) {
  return db
    .select()
    .from(auditLog)
    .where(owner.kind === 'staff' ? eq(auditLog.staffId, owner.id) : eq(auditLog.accountId, owner.id))
    .orderBy(asc(auditLog.createdAt));
}

const actions = async (db: Db, owner: PasskeyOwner) => (await auditOf(db, owner)).map((e) => e.action);

describeEachDatabase('passkeys', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());
  afterEach(() => {
    allowList.override = undefined;
  });
  const db = () => database.db;

  describe('the relying party and the options', () => {
    it('takes the RP ID and origin from APP_URL and the name from the facility', () => {
      expect(relyingParty()).toEqual({ id: RP.rpId, origin: RP.origin, name: facility().facilityName });
    });

    it('asks staff for a roaming security key with user verification, attested when models are listed', async () => {
      const staff = await newStaff(db());
      const { options } = await startPasskeyRegistration(db(), staff, { name: 'desk.ewa', displayName: 'Ewa Nowak' });
      expect(options.rp).toEqual({ id: RP.rpId, name: facility().facilityName });
      expect(options.authenticatorSelection).toMatchObject({
        residentKey: 'required',
        requireResidentKey: true,
        userVerification: 'required',
        authenticatorAttachment: 'cross-platform',
      });
      expect(options.hints).toEqual(['security-key']);
      expect(options.attestation).toBe('direct');
      expect(options.timeout).toBe(5 * MINUTE);
      expect(options.pubKeyCredParams.map((p) => p.alg)).toContain(-7);
      expect(options.user).toMatchObject({ name: 'desk.ewa', displayName: 'Ewa Nowak' });
    });

    it('asks patients for a passkey on this device or a phone, without attestation', async () => {
      const patient = await newPatient(db());
      const { options } = await startPasskeyRegistration(db(), patient, { name: 'pacjent', displayName: 'Jan Testowy' });
      expect(options.hints).toEqual(['client-device', 'hybrid']);
      expect(options.attestation).toBe('none');
      expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
      expect(options.authenticatorSelection?.authenticatorAttachment).toBeUndefined();
    });

    it('gives each owner a stable, opaque user handle that is neither the login nor the id', async () => {
      const staff = await newStaff(db());
      const first = await startPasskeyRegistration(db(), staff, { name: 'desk.ewa', displayName: 'Ewa' });
      const again = await startPasskeyRegistration(db(), staff, { name: 'desk.ewa', displayName: 'Ewa' });
      expect(first.options.user.id).toBe(again.options.user.id);
      expect(first.options.user.id).toBe(Buffer.from(userHandle(staff)).toString('base64url'));
      expect(first.options.user.id).not.toContain('desk');
      expect(first.options.user.id).not.toBe(staff.id);
      // A patient whose account id happened to equal a staff id would still get another handle.
      expect(Buffer.from(userHandle({ kind: 'patient', id: staff.id })).toString('base64url')).not.toBe(first.options.user.id);
    });

    it('excludes the owner’s own passkeys from a new registration and never another owner’s', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      const { credential } = await withPasskey(db(), ewa);
      const forEwa = await startPasskeyRegistration(db(), ewa, { name: 'ewa', displayName: 'Ewa' });
      const forAnna = await startPasskeyRegistration(db(), anna, { name: 'anna', displayName: 'Anna' });
      expect(forEwa.options.excludeCredentials?.map((c) => c.id)).toEqual([credential.id]);
      expect(forEwa.options.excludeCredentials?.[0]?.transports).toEqual(['usb', 'nfc']);
      expect(forAnna.options.excludeCredentials).toEqual([]);
    });

    it('offers any passkey for a sign-in without an owner, and only the owner’s after a password', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      const ewaKey = await withPasskey(db(), ewa);
      await withPasskey(db(), anna);
      const anyone = await startPasskeySignIn(db());
      expect(anyone.options.allowCredentials).toEqual([]);
      expect(anyone.options.userVerification).toBe('required');
      expect(anyone.options.rpId).toBe(RP.rpId);
      const second = await startPasskeySignIn(db(), ewa);
      expect(second.options.allowCredentials?.map((c) => c.id)).toEqual([ewaKey.credential.id]);
    });
  });

  describe('registration and sign-in', () => {
    it('adds a staff security key and signs in with it alone as two factors', async () => {
      const staff = await newStaff(db());
      const { result, credential } = await register(db(), staff, {}, '  YubiKey przy okienku 3  ');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [listed] = await listPasskeys(db(), staff);
      expect(listed).toMatchObject({
        id: result.passkeyId,
        name: 'YubiKey przy okienku 3',
        lastUsedAt: null,
        deviceType: 'singleDevice',
        backedUp: false,
      });
      expect(await listPasskeys(db(), staff)).toHaveLength(1);
      expect(await hasPasskey(db(), staff)).toBe(true);
      const row = await storedPasskey(db(), result.passkeyId);
      expect(row).toMatchObject({ staffId: staff.id, accountId: null, credentialId: credential.id, aaguid: YUBIKEY_5_AAGUID, counter: 0 });
      expect(row!.transports).toEqual(['usb', 'nfc']);

      const signedIn = await signIn(db(), credential);
      expect(signedIn).toEqual({ ok: true, owner: staff, passkeyId: result.passkeyId, amr: ['hwk', 'user', 'mfa'] });
      const used = await storedPasskey(db(), result.passkeyId);
      expect(used!.counter).toBe(1);
      expect(used!.lastUsedAt).toBeInstanceOf(Date);
      expect((await listPasskeys(db(), staff))[0]!.lastUsedAt).toBeInstanceOf(Date);
    });

    it('uses a passkey as the second step after the password', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      expect(await signIn(db(), credential, { owner: staff })).toMatchObject({ ok: true, owner: staff, passkeyId });
      // A non-discoverable answer without a user handle is fine when the owner is known.
      expect(await signIn(db(), credential, { owner: staff, assertion: { omitUserHandle: true } })).toMatchObject({ ok: true });
    });

    it('gives a patient’s synced passkey the amr of a software key', async () => {
      const patient = await newPatient(db());
      const { passkeyId, credential } = await withPasskey(db(), patient, {
        aaguid: GOOGLE_PASSWORD_MANAGER_AAGUID,
        backupEligible: true,
        backedUp: true,
      });
      expect(await listPasskeys(db(), patient)).toMatchObject([{ id: passkeyId, deviceType: 'multiDevice', backedUp: true }]);
      expect(await signIn(db(), credential)).toEqual({ ok: true, owner: patient, passkeyId, amr: ['swk', 'user', 'mfa'] });
    });

    it('refuses a passkey that is not registered, or was removed', async () => {
      const staff = await newStaff(db());
      const { options } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
      const { credential: stranger } = createCredential(options, RP);
      expect(await signIn(db(), stranger)).toEqual({ ok: false, reason: 'unknown' });
      const { passkeyId, credential } = await withPasskey(db(), staff);
      expect((await removePasskey(db(), staff, passkeyId, { mfaRequired: false })).ok).toBe(true);
      expect(await signIn(db(), credential)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('keeps the name within 60 characters without control characters', async () => {
      const staff = await newStaff(db());
      for (const name of ['', '   ', 'x'.repeat(61), 'klucz\u0000', 'klucz\nnowy', 'a\u202Eb']) {
        expect((await register(db(), staff, {}, name)).result).toEqual({ ok: false, reason: 'invalid' });
      }
      expect((await register(db(), staff, {}, 'ż'.repeat(60))).result.ok).toBe(true);
    });
  });

  describe('challenges', () => {
    it('refuses a replayed registration and a replayed assertion', async () => {
      const staff = await newStaff(db());
      const { result, response, handle } = await register(db(), staff);
      expect(result.ok).toBe(true);
      expect(await finishPasskeyRegistration(db(), staff, handle, response, 'again')).toEqual({ ok: false, reason: 'challenge' });

      const { credential } = await withPasskey(db(), staff);
      const started = await startPasskeySignIn(db());
      const assertion = getAssertion(started.options, credential, RP);
      expect((await finishPasskeySignIn(db(), started.handle, assertion)).ok).toBe(true);
      expect(await finishPasskeySignIn(db(), started.handle, assertion)).toEqual({ ok: false, reason: 'challenge' });
      // Under a fresh handle the old assertion answers another challenge.
      const fresh = await startPasskeySignIn(db());
      expect(await finishPasskeySignIn(db(), fresh.handle, assertion)).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a challenge of the other purpose, and spends it', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      const registration = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
      const assertion = getAssertion({ challenge: registration.options.challenge }, credential, RP);
      expect(await finishPasskeySignIn(db(), registration.handle, assertion, staff)).toEqual({ ok: false, reason: 'challenge' });
      const { response } = createCredential(registration.options, RP);
      expect(await finishPasskeyRegistration(db(), staff, registration.handle, response, 'x')).toEqual({ ok: false, reason: 'challenge' });

      const signIn = await startPasskeySignIn(db(), staff);
      const created = createCredential({ ...registration.options, challenge: signIn.options.challenge }, RP);
      expect(await finishPasskeyRegistration(db(), staff, signIn.handle, created.response, 'x')).toEqual({
        ok: false,
        reason: 'challenge',
      });
    });

    it('refuses a challenge issued for someone else', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      const forEwa = await startPasskeyRegistration(db(), ewa, { name: 'ewa', displayName: 'Ewa' });
      const { response } = createCredential(forEwa.options, RP);
      expect(await finishPasskeyRegistration(db(), anna, forEwa.handle, response, 'x')).toEqual({ ok: false, reason: 'challenge' });

      // The second step's challenge is bound to the person who gave the password.
      const { credential } = await withPasskey(db(), ewa);
      const bound = await startPasskeySignIn(db(), ewa);
      const assertion = getAssertion(bound.options, credential, RP);
      expect(await finishPasskeySignIn(db(), bound.handle, assertion)).toEqual({ ok: false, reason: 'challenge' });
    });

    it('refuses an expired challenge', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      const later = new Date(Date.now() + 5 * MINUTE + 1000);
      expect(await signIn(db(), credential, { now: later })).toEqual({ ok: false, reason: 'challenge' });
      const { handle, options } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
      const { response } = createCredential(options, RP);
      expect(await finishPasskeyRegistration(db(), staff, handle, response, 'x', later)).toEqual({ ok: false, reason: 'challenge' });
    });

    it('refuses handles that are not ours', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      const started = await startPasskeySignIn(db());
      const assertion = getAssertion(started.options, credential, RP);
      for (const handle of ['', 'nonsense', '00000000-0000-0000-0000-000000000000', `${started.handle}'`]) {
        expect(await finishPasskeySignIn(db(), handle, assertion)).toEqual({ ok: false, reason: 'challenge' });
      }
    });

    it('spends a challenge once however the owner is given', async () => {
      const staff = await newStaff(db());
      const { handle, challenge } = await issueChallenge(db(), 'authenticate', null);
      expect(await spendChallenge(db(), handle, 'authenticate', null)).toBe(challenge);
      expect(await spendChallenge(db(), handle, 'authenticate', null)).toBeNull();
      const forStaff = await issueChallenge(db(), 'register', staff);
      expect(await spendChallenge(db(), forStaff.handle, 'register', { kind: 'patient', id: staff.id })).toBeNull();
      expect(await spendChallenge(db(), forStaff.handle, 'register', staff)).toBeNull();
    });

    it('lets retention delete the challenges never answered once they expire', async () => {
      const old = await issueChallenge(db(), 'authenticate', null, new Date(Date.now() - 10 * MINUTE));
      const fresh = await issueChallenge(db(), 'authenticate', null);
      await runRetention(db(), { unactivatedDays: 30, blockedAttemptsDays: 30, expiredLinkDays: 7, outboxBodyDays: 90 });
      const left = (await db().select({ id: webauthnChallenges.id }).from(webauthnChallenges)).map((r) => r.id);
      expect(left).not.toContain(old.handle);
      expect(left).toContain(fresh.handle);
    });
  });

  describe('what the authenticator signed', () => {
    it('refuses an assertion made for another origin', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      for (const origin of [
        'https://evil.example',
        'http://rejestracja.szpital.example',
        'https://rejestracja.szpital.example.evil.example',
      ]) {
        expect(await signIn(db(), credential, { assertion: { origin } })).toEqual({ ok: false, reason: 'invalid' });
      }
      expect((await storedPasskey(db(), passkeyId))!.lastUsedAt).toBeNull();
    });

    it('refuses a registration made for another origin', async () => {
      const staff = await newStaff(db());
      const { result } = await register(db(), staff, { origin: 'https://evil.example' });
      expect(result).toEqual({ ok: false, reason: 'invalid' });
      expect(await listPasskeys(db(), staff)).toHaveLength(0);
    });

    it('refuses authenticator data for another RP ID', async () => {
      const staff = await newStaff(db());
      expect((await register(db(), staff, { rpId: 'evil.example' })).result).toEqual({ ok: false, reason: 'invalid' });
      const { credential } = await withPasskey(db(), staff);
      expect(await signIn(db(), credential, { assertion: { rpId: 'szpital.example' } })).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a key that did not verify its user', async () => {
      const staff = await newStaff(db());
      expect((await register(db(), staff, { uv: false })).result).toEqual({ ok: false, reason: 'invalid' });
      const { credential } = await withPasskey(db(), staff);
      expect(await signIn(db(), credential, { assertion: { uv: false } })).toEqual({ ok: false, reason: 'invalid' });
      expect(await signIn(db(), credential, { assertion: { up: false } })).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a clientDataJSON of the wrong type or from a cross-origin frame', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      expect(await signIn(db(), credential, { assertion: { clientDataExtra: { type: 'webauthn.create' } } })).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect(
        await signIn(db(), credential, { assertion: { clientDataExtra: { crossOrigin: true, topOrigin: 'https://evil.example' } } }),
      ).toEqual({
        ok: false,
        reason: 'invalid',
      });
    });

    it('refuses a signature by another key', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      const { credential: other } = await withPasskey(db(), staff);
      expect(await signIn(db(), { ...credential, privateKey: other.privateKey })).toEqual({ ok: false, reason: 'invalid' });
    });
  });

  describe('the signature counter', () => {
    it('refuses a counter that goes back or stays, audits it, and keeps the stored one', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      expect((await signIn(db(), credential, { assertion: { counter: 5 } })).ok).toBe(true);
      const before = await storedPasskey(db(), passkeyId);

      expect(await signIn(db(), credential, { assertion: { counter: 3 } })).toEqual({ ok: false, reason: 'counter' });
      expect(await signIn(db(), credential, { assertion: { counter: 5 } })).toEqual({ ok: false, reason: 'counter' });
      expect(await signIn(db(), credential, { assertion: { counter: 0 } })).toEqual({ ok: false, reason: 'counter' });
      const after = await storedPasskey(db(), passkeyId);
      expect(after!.counter).toBe(5);
      expect(after!.lastUsedAt).toEqual(before!.lastUsedAt);

      const regressions = (await auditOf(db(), staff)).filter((e) => e.action === 'passkey.counter_regression');
      expect(regressions.map((e) => [e.details.passkeyId, e.details.stored, e.details.received])).toEqual([
        [passkeyId, 5, 3],
        [passkeyId, 5, 5],
        [passkeyId, 5, 0],
      ]);
      expect((await signIn(db(), credential, { assertion: { counter: 6 } })).ok).toBe(true);
      expect((await storedPasskey(db(), passkeyId))!.counter).toBe(6);
    });

    it('takes a counter up to 2^32 - 1', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      expect((await signIn(db(), credential, { assertion: { counter: 4_294_967_295 } })).ok).toBe(true);
      expect((await storedPasskey(db(), passkeyId))!.counter).toBe(4_294_967_295);
    });

    it('accepts authenticators without a counter (always 0)', async () => {
      const patient = await newPatient(db());
      const { passkeyId, credential } = await withPasskey(db(), patient, { counts: false, backupEligible: true, backedUp: true });
      for (let i = 0; i < 3; i++) expect((await signIn(db(), credential)).ok).toBe(true);
      expect((await storedPasskey(db(), passkeyId))!.counter).toBe(0);
    });

    it('does not audit a counter regression whose signature is false', async () => {
      const staff = await newStaff(db());
      const { credential } = await withPasskey(db(), staff);
      const { credential: other } = await withPasskey(db(), staff);
      expect((await signIn(db(), credential, { assertion: { counter: 9 } })).ok).toBe(true);
      const forged = { ...credential, privateKey: other.privateKey };
      expect(await signIn(db(), forged, { assertion: { counter: 1 } })).toEqual({ ok: false, reason: 'invalid' });
      expect(await actions(db(), staff)).not.toContain('passkey.counter_regression');
    });
  });

  describe('owners', () => {
    it('refuses another person’s passkey at the second step', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      await withPasskey(db(), ewa);
      const annaKey = await withPasskey(db(), anna);
      expect(await signIn(db(), annaKey.credential, { owner: ewa })).toEqual({ ok: false, reason: 'wrong_owner' });
      expect((await storedPasskey(db(), annaKey.passkeyId))!.lastUsedAt).toBeNull();
      // A patient's passkey is not a staff member's either, whatever the ids.
      const patient = await newPatient(db());
      const patientKey = await withPasskey(db(), patient);
      expect(await signIn(db(), patientKey.credential, { owner: ewa })).toEqual({ ok: false, reason: 'wrong_owner' });
    });

    it('refuses an assertion whose user handle names someone else', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      const { credential } = await withPasskey(db(), ewa);
      const annaHandle = Buffer.from(userHandle(anna)).toString('base64url');
      expect(await signIn(db(), credential, { assertion: { userHandle: annaHandle } })).toEqual({ ok: false, reason: 'invalid' });
    });

    it('refuses a credential ID registered already, by the same owner or another', async () => {
      const ewa = await newStaff(db());
      const patient = await newPatient(db());
      const { credential } = await withPasskey(db(), ewa);
      expect((await register(db(), ewa, { credentialId: credential.id })).result).toEqual({ ok: false, reason: 'duplicate' });
      expect((await register(db(), patient, { credentialId: credential.id })).result).toEqual({ ok: false, reason: 'duplicate' });
      expect(await listPasskeys(db(), patient)).toHaveLength(0);
    });
  });

  describe('authenticator models', () => {
    it('refuses a staff key whose model is not on the list, and never restricts patients', async () => {
      const staff = await newStaff(db());
      expect((await register(db(), staff, { aaguid: GOOGLE_PASSWORD_MANAGER_AAGUID })).result).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      expect((await register(db(), staff, { aaguid: '00000000-0000-0000-0000-000000000000' })).result).toEqual({
        ok: false,
        reason: 'not_allowed',
      });
      expect(await listPasskeys(db(), staff)).toHaveLength(0);
      expect((await register(db(), staff, { aaguid: YUBIKEY_5_AAGUID })).result.ok).toBe(true);
      const patient = await newPatient(db());
      expect((await register(db(), patient, { aaguid: GOOGLE_PASSWORD_MANAGER_AAGUID })).result.ok).toBe(true);
    });

    it('takes any model for staff when no list is configured', async () => {
      allowList.override = [];
      const staff = await newStaff(db());
      const { options } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
      expect(options.attestation).toBe('none');
      expect((await register(db(), staff, { aaguid: GOOGLE_PASSWORD_MANAGER_AAGUID })).result.ok).toBe(true);
    });

    it('reads the list from the configuration, normalised, and refuses what is not an AAGUID', () => {
      const list = (value?: string) => loadEnv({ NODE_ENV: 'test', WEBAUTHN_STAFF_AAGUIDS: value }).WEBAUTHN_STAFF_AAGUIDS;
      expect(list(` ${YUBIKEY_5_AAGUID.toUpperCase()} ,, `)).toEqual([YUBIKEY_5_AAGUID]);
      expect(list(undefined)).toEqual([]);
      expect(list('')).toEqual([]);
      expect(() => list('yubikey')).toThrow(/WEBAUTHN_STAFF_AAGUIDS/);
    });
  });

  describe('removing', () => {
    it('refuses to remove the last second factor while one is required', async () => {
      const staff = await newStaff(db());
      const first = await withPasskey(db(), staff);
      const second = await withPasskey(db(), staff);
      expect(await removePasskey(db(), staff, first.passkeyId, { mfaRequired: true })).toEqual({ ok: true });
      expect(await removePasskey(db(), staff, second.passkeyId, { mfaRequired: true })).toEqual({ ok: false, reason: 'last_factor' });
      // A TOTP factor still being set up is not a second factor.
      await db().insert(mfaFactors).values({ staffId: staff.id, secret: 'sealed' });
      expect(await removePasskey(db(), staff, second.passkeyId, { mfaRequired: true })).toEqual({ ok: false, reason: 'last_factor' });
      expect(await listPasskeys(db(), staff)).toHaveLength(1);
    });

    it('removes the last passkey when a confirmed TOTP factor remains, or when none is required', async () => {
      const withTotp = await newStaff(db());
      const key = await withPasskey(db(), withTotp);
      await db().insert(mfaFactors).values({ staffId: withTotp.id, secret: 'sealed', confirmedAt: new Date() });
      expect(await removePasskey(db(), withTotp, key.passkeyId, { mfaRequired: true })).toEqual({ ok: true });

      const patient = await newPatient(db());
      const patientKey = await withPasskey(db(), patient);
      expect(await removePasskey(db(), patient, patientKey.passkeyId, { mfaRequired: false })).toEqual({ ok: true });
      expect(await hasPasskey(db(), patient)).toBe(false);
    });

    it('removes only the owner’s own passkeys', async () => {
      const ewa = await newStaff(db());
      const anna = await newStaff(db());
      const annaKey = await withPasskey(db(), anna);
      for (const id of [annaKey.passkeyId, 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
        expect(await removePasskey(db(), ewa, id, { mfaRequired: false })).toEqual({ ok: false, reason: 'not_found' });
      }
      expect(await listPasskeys(db(), anna)).toHaveLength(1);
    });

    it('lets only one of two removals at once take the last two passkeys', async () => {
      const staff = await newStaff(db());
      const a = await withPasskey(db(), staff);
      const b = await withPasskey(db(), staff);
      const results = await Promise.all([
        removePasskey(db(), staff, a.passkeyId, { mfaRequired: true }),
        removePasskey(db(), staff, b.passkeyId, { mfaRequired: true }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'last_factor')).toHaveLength(1);
      expect(await listPasskeys(db(), staff)).toHaveLength(1);
    });
  });

  describe('the audit log', () => {
    it('records every addition, use and removal of a staff passkey under the staff member', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff, {}, 'YubiKey 5 NFC');
      expect((await signIn(db(), credential)).ok).toBe(true);
      expect((await removePasskey(db(), staff, passkeyId, { mfaRequired: false })).ok).toBe(true);
      const entries = await auditOf(db(), staff);
      expect(entries.map((e) => e.action)).toEqual(['passkey.added', 'passkey.used', 'passkey.removed']);
      expect(entries[0]!.details).toMatchObject({
        passkeyId,
        name: 'YubiKey 5 NFC',
        aaguid: YUBIKEY_5_AAGUID,
        deviceType: 'singleDevice',
        backedUp: false,
      });
      expect(entries[1]!.details).toMatchObject({ passkeyId, name: 'YubiKey 5 NFC' });
      expect(entries[2]!.details).toMatchObject({ passkeyId, name: 'YubiKey 5 NFC' });
      expect(entries.every((e) => e.staffId === staff.id && e.accountId === null)).toBe(true);
    });

    it('records a patient’s additions and removals under the account, not each sign-in', async () => {
      const patient = await newPatient(db());
      const { passkeyId, credential } = await withPasskey(db(), patient, {}, 'Telefon');
      expect((await signIn(db(), credential)).ok).toBe(true);
      expect((await removePasskey(db(), patient, passkeyId, { mfaRequired: false })).ok).toBe(true);
      const entries = await auditOf(db(), patient);
      expect(entries.map((e) => e.action)).toEqual(['passkey.added', 'passkey.removed']);
      expect(entries.every((e) => e.accountId === patient.id && e.staffId === null)).toBe(true);
    });

    it('records nothing for refused attempts other than a cloned key', async () => {
      const staff = await newStaff(db());
      await register(db(), staff, { origin: 'https://evil.example' });
      await register(db(), staff, { aaguid: GOOGLE_PASSWORD_MANAGER_AAGUID });
      expect(await actions(db(), staff)).toEqual([]);
    });
  });

  describe('junk from the browser', () => {
    const huge = 'A'.repeat(1_000_000);
    const junk: unknown[] = [
      null,
      undefined,
      42,
      'a string',
      [],
      {},
      { id: 'abc' },
      { id: 'abc', rawId: 'abd', type: 'public-key', response: {} },
      { id: 'abc', rawId: 'abc', type: 'other', response: {} },
      { id: 'abc', rawId: 'abc', type: 'public-key', response: [] },
      {
        id: huge,
        rawId: huge,
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'oA', authenticatorData: 'AA', signature: 'AA' },
      },
      {
        id: 'a+b/',
        rawId: 'a+b/',
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'oA', authenticatorData: 'AA', signature: 'AA' },
      },
      {
        id: 'abc',
        rawId: 'abc',
        type: 'public-key',
        response: { clientDataJSON: huge, attestationObject: huge, authenticatorData: huge, signature: huge },
      },
      {
        id: 'abc',
        rawId: 'abc',
        type: 'public-key',
        response: { clientDataJSON: { a: 1 }, attestationObject: 1, authenticatorData: null, signature: true },
      },
      {
        id: 'abc',
        rawId: 'abc',
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['usb', huge] },
      },
    ];

    it('refuses junk registrations as invalid without throwing', async () => {
      const staff = await newStaff(db());
      for (const response of junk) {
        const { handle } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
        expect(await finishPasskeyRegistration(db(), staff, handle, response, 'klucz')).toEqual({ ok: false, reason: 'invalid' });
      }
    });

    it('refuses well-formed registrations with bytes that decode to nothing sensible', async () => {
      const staff = await newStaff(db());
      const bytes = (text: string) => Buffer.from(text).toString('base64url');
      const variants = [
        (r: Record<string, string>) => ({ ...r, attestationObject: bytes('not cbor at all') }),
        (r: Record<string, string>) => ({ ...r, clientDataJSON: bytes('not json') }),
        (r: Record<string, string>) => ({ ...r, clientDataJSON: bytes('{"type":"webauthn.create"}') }),
        (r: Record<string, string>) => ({ ...r, attestationObject: r.attestationObject!.slice(0, 60) }),
      ];
      for (const variant of variants) {
        const { handle, options } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
        const { response } = createCredential(options, RP);
        const broken = { ...response, response: variant(response.response as unknown as Record<string, string>) };
        expect(await finishPasskeyRegistration(db(), staff, handle, broken, 'klucz')).toEqual({ ok: false, reason: 'invalid' });
      }
      expect(await listPasskeys(db(), staff)).toHaveLength(0);
    });

    it('refuses junk assertions as invalid without throwing', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      for (const response of junk) {
        const { handle } = await startPasskeySignIn(db());
        expect(await finishPasskeySignIn(db(), handle, response)).toEqual({
          ok: false,
          reason: expect.stringMatching(/^(invalid|unknown)$/),
        });
      }
      const variants: Array<(r: { authenticatorData: string }) => Record<string, string>> = [
        () => ({ signature: Buffer.from('not a signature').toString('base64url') }),
        (r) => ({ authenticatorData: r.authenticatorData.slice(0, 10) }),
        () => ({ clientDataJSON: Buffer.from('[]').toString('base64url') }),
        () => ({ clientDataJSON: Buffer.from('not json').toString('base64url') }),
      ];
      for (const variant of variants) {
        const { handle, options } = await startPasskeySignIn(db());
        const signed = getAssertion(options, credential, RP);
        const broken = { ...signed, response: { ...signed.response, ...variant(signed.response) } };
        expect(await finishPasskeySignIn(db(), handle, broken)).toEqual({ ok: false, reason: 'invalid' });
      }
      expect((await storedPasskey(db(), passkeyId))!.lastUsedAt).toBeNull();
    });
  });

  describe('racing', () => {
    it('lets only one of two finishes of one challenge succeed', async () => {
      const staff = await newStaff(db());
      const { handle, options } = await startPasskeyRegistration(db(), staff, { name: 'x', displayName: 'x' });
      const one = createCredential(options, RP).response;
      const two = createCredential(options, RP).response;
      const registered = await Promise.all([
        finishPasskeyRegistration(db(), staff, handle, one, 'pierwszy'),
        finishPasskeyRegistration(db(), staff, handle, two, 'drugi'),
      ]);
      expect(registered.filter((r) => r.ok)).toHaveLength(1);
      expect(await listPasskeys(db(), staff)).toHaveLength(1);

      const { credential } = await withPasskey(db(), staff);
      const started = await startPasskeySignIn(db());
      const assertion = getAssertion(started.options, credential, RP);
      const signedIn = await Promise.all([
        finishPasskeySignIn(db(), started.handle, assertion),
        finishPasskeySignIn(db(), started.handle, assertion),
      ]);
      expect(signedIn.filter((r) => r.ok)).toHaveLength(1);
    });

    it('lets only one of two assertions with one counter value succeed', async () => {
      const staff = await newStaff(db());
      const { passkeyId, credential } = await withPasskey(db(), staff);
      const first = await startPasskeySignIn(db());
      const second = await startPasskeySignIn(db());
      const results = await Promise.all([
        finishPasskeySignIn(db(), first.handle, getAssertion(first.options, credential, { ...RP, counter: 7 })),
        finishPasskeySignIn(db(), second.handle, getAssertion(second.options, credential, { ...RP, counter: 7 })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.reason === 'counter')).toHaveLength(1);
      expect((await storedPasskey(db(), passkeyId))!.counter).toBe(7);
      expect(await actions(db(), staff)).toContain('passkey.counter_regression');
    });
  });

  describe('levels of assurance on sessions', () => {
    it('records password sign-ins by default, and how a session’s person was identified', async () => {
      const staff = await newStaff(db());
      const [plain] = await db().insert(authSessions).values({ staffId: staff.id, role: 'registrar' }).returning();
      expect(plain).toMatchObject({ amr: ['pwd'], identity: null, identityLoa: null });
      const patient = await newPatient(db());
      const [strong] = await db()
        .insert(authSessions)
        .values({
          accountId: patient.id,
          role: 'patient',
          amr: ['swk', 'user', 'mfa'],
          identity: 'login.gov.pl',
          identityLoa: 'substantial',
        })
        .returning();
      expect(strong).toMatchObject({ amr: ['swk', 'user', 'mfa'], identity: 'login.gov.pl', identityLoa: 'substantial' });
      await expect(
        db()
          .insert(authSessions)
          .values({ accountId: patient.id, role: 'patient', identity: 'gossip' as 'desk' }),
      ).rejects.toThrow();
      await expect(
        db()
          .insert(authSessions)
          .values({ accountId: patient.id, role: 'patient', identity: 'login.gov.pl', identityLoa: 'very high' as 'high' }),
      ).rejects.toThrow();
      const rows = await db()
        .select({ id: authSessions.id })
        .from(authSessions)
        .where(and(eq(authSessions.accountId, patient.id)));
      expect(rows).toHaveLength(1);
    });
  });
});

describePostgres('passkeys under concurrency [postgres]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('postgres', { max: 20 });
  });
  afterAll(async () => database?.dispose());

  it('lets one of ten requests with one challenge sign in', async () => {
    const db = database.db;
    const staff = await newStaff(db);
    const { credential } = await withPasskey(db, staff);
    const started = await startPasskeySignIn(db);
    const assertion = getAssertion(started.options, credential, RP);
    const results = await Promise.all(Array.from({ length: 10 }, () => finishPasskeySignIn(db, started.handle, assertion)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'challenge')).toHaveLength(9);
  });

  it('lets one of ten assertions with one counter value sign in', async () => {
    const db = database.db;
    const staff = await newStaff(db);
    const { credential } = await withPasskey(db, staff);
    const challenges = await Promise.all(Array.from({ length: 10 }, () => startPasskeySignIn(db)));
    const results = await Promise.all(
      challenges.map((c) => finishPasskeySignIn(db, c.handle, getAssertion(c.options, credential, { ...RP, counter: 42 }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'counter')).toHaveLength(9);
  });

  it('never removes both of the last two passkeys when ten removals race', async () => {
    const db = database.db;
    const staff = await newStaff(db);
    const a = await withPasskey(db, staff);
    const b = await withPasskey(db, staff);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => removePasskey(db, staff, i % 2 ? a.passkeyId : b.passkeyId, { mfaRequired: true })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await listPasskeys(db, staff)).toHaveLength(1);
  });
});
