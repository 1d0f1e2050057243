// A software WebAuthn authenticator for tests: ES256 (P-256) keys from node:crypto, attestation
// `none`, authenticator data built byte by byte (WebAuthn §6.1), and the assertion signature over
// authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as WebAuthn requires for ES256.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

/** YubiKey 5 series (NFC), a real AAGUID; any UUID works. */
export const YUBIKEY_5_AAGUID = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
/** Google Password Manager. */
export const GOOGLE_PASSWORD_MANAGER_AAGUID = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';

export interface SoftCredential {
  /** Credential ID, base64url. */
  id: string;
  privateKey: KeyObject;
  /** The user handle the relying party gave at registration (options.user.id), base64url. */
  userHandle: string;
  /** The signature counter; each assertion adds one unless `counts` is false (then always 0). */
  counter: number;
  counts: boolean;
  backupEligible: boolean;
  backedUp: boolean;
}

export interface CeremonyContext {
  /** The origin the browser puts in clientDataJSON. */
  origin: string;
  /** The RP ID whose SHA-256 starts authenticatorData. */
  rpId: string;
  /** User verification (PIN, biometrics) done; default true. */
  uv?: boolean;
  /** User presence; default true. */
  up?: boolean;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');
const uint32 = (n: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n >>> 0);
  return out;
};

function flags(context: CeremonyContext, extra: number, credential: { backupEligible: boolean; backedUp: boolean }): number {
  let f = extra;
  if (context.up ?? true) f |= FLAG_UP;
  if (context.uv ?? true) f |= FLAG_UV;
  if (credential.backupEligible) f |= FLAG_BE;
  if (credential.backedUp) f |= FLAG_BS;
  return f;
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string, extra: Record<string, unknown> = {}) {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false, ...extra }), 'utf8');
}

/** The public key as COSE_Key (RFC 9052): kty EC2, alg ES256, crv P-256, x, y. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]),
  );
}

export interface CreateOptions extends CeremonyContext {
  aaguid?: string;
  backupEligible?: boolean;
  backedUp?: boolean;
  /** The counter reported at registration; default 0. */
  counter?: number;
  /** false: an authenticator without a counter (always reports 0). */
  counts?: boolean;
  /** Reuse a credential ID (for the duplicate test). */
  credentialId?: string;
  /** Change clientDataJSON's type or add fields. */
  clientDataExtra?: Record<string, unknown>;
}

/** navigator.credentials.create(), as @simplewebauthn/browser's startRegistration would return it. */
export function createCredential(
  options: PublicKeyCredentialCreationOptionsJSON,
  context: CreateOptions,
): { response: RegistrationResponseJSON; credential: SoftCredential } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const id = context.credentialId ? Buffer.from(context.credentialId, 'base64url') : randomBytes(32);
  const credential: SoftCredential = {
    id: b64url(id),
    privateKey,
    userHandle: options.user.id,
    counter: context.counter ?? 0,
    counts: context.counts ?? true,
    backupEligible: context.backupEligible ?? false,
    backedUp: context.backedUp ?? false,
  };
  const aaguid = Buffer.from((context.aaguid ?? YUBIKEY_5_AAGUID).replace(/-/g, ''), 'hex');
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(id.length);
  const authData = Buffer.concat([
    sha256(context.rpId),
    Buffer.from([flags(context, FLAG_AT, credential)]),
    uint32(credential.counter),
    aaguid,
    idLength,
    id,
    coseKey(publicKey),
  ]);
  const attestationObject = isoCBOR.encode(
    new Map<string, string | Uint8Array | Map<string, string>>([
      ['fmt', 'none'],
      ['attStmt', new Map<string, string>()],
      ['authData', new Uint8Array(authData)],
    ]),
  );
  return {
    credential,
    response: {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData('webauthn.create', options.challenge, context.origin, context.clientDataExtra)),
        attestationObject: b64url(attestationObject),
        transports: ['usb', 'nfc'],
      },
      authenticatorAttachment: 'cross-platform',
      clientExtensionResults: {},
    },
  };
}

export interface AssertionOptions extends CeremonyContext {
  /** The counter to report instead of the next one. */
  counter?: number;
  /** Send no user handle (as a non-discoverable credential may). */
  omitUserHandle?: boolean;
  /** Another user handle (base64url). */
  userHandle?: string;
  clientDataExtra?: Record<string, unknown>;
}

/** navigator.credentials.get(), as @simplewebauthn/browser's startAuthentication would return it. */
export function getAssertion(
  options: PublicKeyCredentialRequestOptionsJSON,
  credential: SoftCredential,
  context: AssertionOptions,
): AuthenticationResponseJSON {
  let counter: number;
  if (context.counter !== undefined) counter = context.counter;
  else if (credential.counts) counter = ++credential.counter;
  else counter = 0;
  const authData = Buffer.concat([sha256(context.rpId), Buffer.from([flags(context, 0, credential)]), uint32(counter)]);
  const clientDataJSON = clientData('webauthn.get', options.challenge, context.origin, context.clientDataExtra);
  // node:crypto signs EC keys in DER (dsaEncoding 'der') by default: what WebAuthn expects.
  const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
  const userHandle = context.omitUserHandle ? undefined : (context.userHandle ?? credential.userHandle);
  return {
    id: credential.id,
    rawId: credential.id,
    type: 'public-key',
    response: {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      ...(userHandle ? { userHandle } : {}),
    },
    authenticatorAttachment: 'cross-platform',
    clientExtensionResults: {},
  };
}
