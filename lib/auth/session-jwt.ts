// Auth.js's session cookie, encoded and decoded exactly as Auth.js does (@auth/core/jwt: a JWE,
// `dir` with A256CBC-HS512, the key derived from AUTH_SECRET with HKDF salted by the cookie's
// name, its JWK thumbprint as `kid`), except that each derived key is kept for the process:
// Auth.js derives it again for every cookie it writes or reads. Writing encrypts with node:crypto
// in one synchronous step (what jose would write, byte for byte): jose goes through WebCrypto,
// whose AES and HMAC jobs wait on libuv's pool behind the argon2 verifications of a busy sign-in
// and cost ~0.4 ms more per cookie. Reading stays with jose.
import { createCipheriv, createHmac, hkdf, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';
import type { JWTDecodeParams, JWTEncodeParams, JWT } from 'next-auth/jwt';

const ALG = 'dir';
const ENC = 'A256CBC-HS512';
const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const derive = promisify(hkdf);

interface DerivedKey {
  key: Uint8Array;
  thumbprint: string;
}

const keys = new Map<string, Promise<DerivedKey>>();

function derivedKey(enc: string, secret: string, salt: string): Promise<DerivedKey> {
  const length = enc === 'A256CBC-HS512' ? 64 : enc === 'A256GCM' ? 32 : 0;
  if (!length) return Promise.reject(new Error('Unsupported JWT Content Encryption Algorithm'));
  const id = JSON.stringify([enc, secret, salt]);
  let found = keys.get(id);
  if (!found) {
    found = (async () => {
      const key = new Uint8Array(await derive('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
      const thumbprint = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(key) }, `sha${key.byteLength << 3}` as 'sha512');
      return { key, thumbprint };
    })();
    keys.set(id, found);
    found.catch(() => keys.delete(id));
  }
  return found;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

/**
 * AES_256_CBC_HMAC_SHA_512 (RFC 7518 §5.2.2, §5.2.5): the first half of the 64-byte key
 * authenticates, the second encrypts; the tag is the first 32 bytes of HMAC-SHA-512 over the
 * additional data, the IV, the ciphertext and the additional data's length in bits.
 */
export function encryptA256CbcHs512(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  additionalData: Uint8Array,
): { ciphertext: Buffer; tag: Buffer } {
  if (key.byteLength !== 64 || iv.byteLength !== 16) throw new Error('A256CBC-HS512 takes a 64-byte key and a 16-byte IV');
  const cipher = createCipheriv('aes-256-cbc', key.subarray(32), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(additionalData.byteLength) * 8n);
  const mac = createHmac('sha512', key.subarray(0, 32)).update(additionalData).update(iv).update(ciphertext).update(bits);
  return { ciphertext, tag: mac.digest().subarray(0, 32) };
}

/** The compact JWE of `claims` (`dir`, A256CBC-HS512) with the protected header Auth.js writes. */
export function sealClaims(key: Uint8Array, kid: string, claims: Record<string, unknown>, iv: Uint8Array = randomBytes(16)): string {
  const header = Buffer.from(JSON.stringify({ alg: ALG, enc: ENC, kid })).toString('base64url');
  const { ciphertext, tag } = encryptA256CbcHs512(key, iv, Buffer.from(JSON.stringify(claims)), Buffer.from(header, 'ascii'));
  return `${header}..${Buffer.from(iv).toString('base64url')}.${ciphertext.toString('base64url')}.${tag.toString('base64url')}`;
}

export async function encode<Payload = JWT>(params: JWTEncodeParams<Payload>): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt } = params;
  const { key, thumbprint } = await derivedKey(ENC, secretsOf(secret)[0]!, salt);
  const now = (Date.now() / 1000) | 0;
  // The claims in the order jose's EncryptJWT sets them: the token's own, then iat, exp, jti.
  return sealClaims(key, thumbprint, { ...(token as Record<string, unknown>), iat: now, exp: now + maxAge, jti: randomUUID() });
}

export async function decode<Payload = JWT>(params: JWTDecodeParams): Promise<Payload | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      for (const one of secretsOf(secret)) {
        const { key, thumbprint } = await derivedKey(enc, one, salt);
        if (kid === undefined || kid === thumbprint) return key;
      }
      throw new Error('no matching decryption secret');
    },
    { clockTolerance: 15, keyManagementAlgorithms: [ALG], contentEncryptionAlgorithms: [ENC, 'A256GCM'] },
  );
  return payload as Payload;
}
