// Auth.js's session cookie, encoded and decoded exactly as Auth.js does (@auth/core/jwt: a JWE,
// `dir` with A256CBC-HS512, the key derived from AUTH_SECRET with HKDF salted by the cookie's
// name, its JWK thumbprint as `kid`), except that each derived key is kept for the process:
// Auth.js derives it again for every cookie it writes or reads.
import { hkdf } from 'node:crypto';
import { promisify } from 'node:util';
import { EncryptJWT, base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';
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

export async function encode<Payload = JWT>(params: JWTEncodeParams<Payload>): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt } = params;
  const { key, thumbprint } = await derivedKey(ENC, secretsOf(secret)[0]!, salt);
  return new EncryptJWT(token as Record<string, unknown>)
    .setProtectedHeader({ alg: ALG, enc: ENC, kid: thumbprint })
    .setIssuedAt()
    .setExpirationTime(((Date.now() / 1000) | 0) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
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
