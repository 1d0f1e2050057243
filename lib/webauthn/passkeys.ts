// Passkeys (SPEC §19): adding one (registration) and signing in with one (the owner's list and
// removal: ./passkey-list.ts; whose a key is: ./owners.ts). Every check that matters is the
// server's: the challenge is single use and short-lived, the origin and RP ID are ours, the user
// was verified (PIN or biometrics: with possession of the key that is two factors), and the
// signature counter grows. A counter that does not grow means a cloned authenticator: the
// assertion is refused, audited, and the stored counter kept.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { passkeys, PASSKEY_NAME_MAX, type PasskeyDeviceType } from '@/db/schema';
import { logWarn } from '@/lib/log';
import { CHALLENGE_TTL_MS, issueChallenge, spendChallenge } from './challenges';
import type { RegistrationResult } from './outcomes';
import { recordPasskeyEvent } from './events';
import { ownerColumn, ownerOf, ownerValues, sameOwner, userHandle, userHandleText, type PasskeyOwner } from './owners';
import { relyingParty, staffAaguids } from './relying-party';
import { parseAuthenticationResponse, parseRegistrationResponse } from './responses';

/** RFC 8176 values: a device-bound key (hwk) or a synced passkey (swk), with user verification. */
export type PasskeyAmr = ['hwk' | 'swk', 'user', 'mfa'];

// Patients' sign-ins are not audited (lib/auth/sign-in-events.ts: their volume would drown the
// desk's own actions); adding, removing and a cloned key are, for everyone.
const AUDIT_PATIENT_USE = false;

function amrOf(passkey: { deviceType: PasskeyDeviceType; backedUp: boolean }): PasskeyAmr {
  return [passkey.deviceType === 'singleDevice' && !passkey.backedUp ? 'hwk' : 'swk', 'user', 'mfa'];
}

/** The owner's label, trimmed; null when empty, longer than PASSKEY_NAME_MAX or with control characters. */
export function passkeyName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const label = name.normalize('NFC').trim();
  if (label.length === 0 || [...label].length > PASSKEY_NAME_MAX || /[\p{Cc}\p{Cf}\u2028\u2029]/u.test(label)) return null;
  return label;
}

/** What every answer must prove: our challenge, our origin and RP ID, and a verified user (PIN or biometrics). */
function expectations(challenge: string) {
  const rp = relyingParty();
  return { expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true };
}

function failure(event: string, error: unknown): void {
  // The library's message says which check failed (origin, RP ID, flags, signature); no personal data.
  logWarn(event, { reason: (error instanceof Error ? error.message : 'not verified').slice(0, 200) });
}

async function ownerCredentials(db: Db, owner: PasskeyOwner) {
  const rows = await db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(ownerColumn(owner), owner.id))
    .orderBy(asc(passkeys.createdAt));
  return rows.map((r) => ({ id: r.id, transports: r.transports.length > 0 ? r.transports : undefined }));
}

// ---------------------------------------------------------------------------------------------
// Adding a passkey

export interface StartedCeremony<Options> {
  /** The challenge's handle, for the browser to keep (a cookie) until it answers. */
  handle: string;
  /** For @simplewebauthn/browser's startRegistration / startAuthentication. */
  options: Options;
}

export async function startPasskeyRegistration(
  db: Db,
  owner: PasskeyOwner,
  user: { name: string; displayName: string },
  now = new Date(),
): Promise<StartedCeremony<PublicKeyCredentialCreationOptionsJSON>> {
  const rp = relyingParty();
  const staff = owner.kind === 'staff';
  const { handle, challenge } = await issueChallenge(db, 'register', owner, now);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userID: userHandle(owner),
    userName: user.name,
    userDisplayName: user.displayName,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: CHALLENGE_TTL_MS,
    // The model is only known when the authenticator is asked to attest; ask only when it matters.
    attestationType: staff && staffAaguids().length > 0 ? 'direct' : 'none',
    excludeCredentials: await ownerCredentials(db, owner),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    // Desk PCs are shared: staff should carry a security key rather than leave a passkey on the PC.
    ...(staff ? { preferredAuthenticatorType: 'securityKey' as const } : {}),
  });
  if (!staff) options.hints = ['client-device', 'hybrid'];
  return { handle, options };
}

/**
 * Verifies the browser's answer to startPasskeyRegistration and stores the passkey under `name`.
 * `not_allowed`: a staff member's authenticator is not on WEBAUTHN_STAFF_AAGUIDS. `onAdded` runs
 * in the transaction that stores the key (its notices: both are kept, or neither).
 */
export async function finishPasskeyRegistration(
  db: Db,
  owner: PasskeyOwner,
  handle: string,
  response: unknown,
  name: string,
  now = new Date(),
  onAdded?: (tx: Db, passkeyId: string) => Promise<void>,
): Promise<RegistrationResult> {
  const label = passkeyName(name);
  const parsed = parseRegistrationResponse(response);
  if (!label || !parsed) return { ok: false, reason: 'invalid' };
  const challenge = await spendChallenge(db, handle, 'register', owner, now);
  if (!challenge) return { ok: false, reason: 'challenge' };

  let info;
  try {
    const verification = await verifyRegistrationResponse({ response: parsed, ...expectations(challenge), requireUserPresence: true });
    if (!verification.verified) throw new Error('attestation not verified');
    info = verification.registrationInfo;
  } catch (error) {
    failure('passkey registration refused', error);
    return { ok: false, reason: 'invalid' };
  }

  const aaguid = info.aaguid.toLowerCase();
  const allowed = staffAaguids();
  if (owner.kind === 'staff' && allowed.length > 0 && !allowed.includes(aaguid)) {
    logWarn('passkey registration refused', { reason: 'authenticator model not allowed', aaguid });
    return { ok: false, reason: 'not_allowed' };
  }

  const transports = (parsed.response.transports ?? []).filter((t) =>
    ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'].includes(t),
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        ...ownerValues(owner),
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
        counter: info.credential.counter,
        transports,
        aaguid,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name: label,
      })
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id });
    if (!row) return { ok: false, reason: 'duplicate' } as const;
    await recordPasskeyEvent(tx, owner, 'passkey.added', {
      passkeyId: row.id,
      name: label,
      aaguid,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    });
    await onAdded?.(tx, row.id);
    return { ok: true, passkeyId: row.id } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Signing in

/**
 * Options to sign in with a passkey. Without an owner: any passkey of this site (the sign-in page,
 * conditional mediation); with one (the step after the password): only that owner's passkeys.
 */
export async function startPasskeySignIn(
  db: Db,
  owner?: PasskeyOwner,
  now = new Date(),
): Promise<StartedCeremony<PublicKeyCredentialRequestOptionsJSON>> {
  const rp = relyingParty();
  const { handle, challenge } = await issueChallenge(db, 'authenticate', owner ?? null, now);
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: CHALLENGE_TTL_MS,
    allowCredentials: owner ? await ownerCredentials(db, owner) : [],
    userVerification: 'required',
  });
  return { handle, options };
}

export type SignInResult =
  | { ok: true; owner: PasskeyOwner; passkeyId: string; amr: PasskeyAmr }
  | { ok: false; reason: 'challenge' | 'unknown' | 'invalid' | 'counter' | 'wrong_owner' };

/**
 * Verifies an assertion. With `expectedOwner` (the second step after a password) the passkey
 * must be theirs. The caller still checks that the owner may sign in (not blocked or disabled).
 */
export async function finishPasskeySignIn(
  db: Db,
  handle: string,
  response: unknown,
  expectedOwner?: PasskeyOwner,
  now = new Date(),
): Promise<SignInResult> {
  const challenge = await spendChallenge(db, handle, 'authenticate', expectedOwner ?? null, now);
  if (!challenge) return { ok: false, reason: 'challenge' };
  const parsed = parseAuthenticationResponse(response);
  if (!parsed) return { ok: false, reason: 'invalid' };

  const [passkey] = await db.select().from(passkeys).where(eq(passkeys.credentialId, parsed.id)).limit(1);
  if (!passkey) return { ok: false, reason: 'unknown' };
  const owner = ownerOf(passkey);
  if (expectedOwner && !sameOwner(owner, expectedOwner)) return { ok: false, reason: 'wrong_owner' };
  // A discoverable credential names its user; it must be the one the passkey was made for.
  if (parsed.response.userHandle !== undefined && parsed.response.userHandle !== userHandleText(owner)) {
    logWarn('passkey sign-in refused', { reason: 'user handle does not match' });
    return { ok: false, reason: 'invalid' };
  }

  let info;
  try {
    const verification = await verifyAuthenticationResponse({
      response: parsed,
      ...expectations(challenge),
      // Counter 0 turns the library's own counter check off: ours below runs only once the
      // signature is known to be good, so that only a real clone is audited as one.
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: 0 },
    });
    if (!verification.verified) throw new Error('signature not verified');
    info = verification.authenticationInfo;
  } catch (error) {
    failure('passkey sign-in refused', error);
    return { ok: false, reason: 'invalid' };
  }

  const stored = passkey.counter;
  const received = info.newCounter;
  const regression = { passkeyId: passkey.id, stored, received };
  if ((received > 0 || stored > 0) && received <= stored) {
    await recordPasskeyEvent(db, owner, 'passkey.counter_regression', regression);
    logWarn('passkey sign-in refused', { reason: 'counter did not grow' });
    return { ok: false, reason: 'counter' };
  }

  return db.transaction(async (tx) => {
    // Compare-and-set: of two assertions with one counter value only the first is taken (without a
    // counter, 0 and 0, there is nothing to compare: the single-use challenge stops a replay).
    const [updated] = await tx
      .update(passkeys)
      .set({ counter: received, backedUp: info.credentialBackedUp, lastUsedAt: now })
      .where(and(eq(passkeys.id, passkey.id), received === 0 ? eq(passkeys.counter, 0) : lt(passkeys.counter, received)))
      .returning({ deviceType: passkeys.deviceType, backedUp: passkeys.backedUp });
    if (!updated) {
      await recordPasskeyEvent(tx, owner, 'passkey.counter_regression', { ...regression, concurrent: true });
      return { ok: false, reason: 'counter' } as const;
    }
    if (owner.kind === 'staff' || AUDIT_PATIENT_USE) {
      await recordPasskeyEvent(tx, owner, 'passkey.used', { passkeyId: passkey.id, name: passkey.name });
    }
    return { ok: true, owner, passkeyId: passkey.id, amr: amrOf(updated) } as const;
  });
}
