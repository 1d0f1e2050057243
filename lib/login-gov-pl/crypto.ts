// The cryptographic steps the node uses, each a small pure function over node:crypto so that each
// can be checked against a known answer (RFC 3394, a hand-computed ConcatKDF, real messages).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { refuse } from './refusal';

/** RFC 3394 section 2.2.3.1: the default initial value, the integrity check of AES key wrap. */
const KEY_WRAP_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;
const P256 = 'prime256v1';

/**
 * ConcatKDF (NIST SP 800-56A section 5.8.1, single-step KDF) with SHA-256, as XML Encryption 1.1
 * uses it: K(i) = SHA-256(counter_i ‖ Z ‖ OtherInfo), counter a 32-bit big-endian from 1, the
 * output the first keyLengthBytes of K(1) ‖ K(2) ‖ …. For the node's 32-byte key it is one round.
 */
export function concatKdf(sharedSecret: Uint8Array, keyLengthBytes: number, otherInfo: Uint8Array): Buffer {
  if (!Number.isInteger(keyLengthBytes) || keyLengthBytes <= 0 || keyLengthBytes > 1024) throw new RangeError('key length');
  const blocks: Buffer[] = [];
  for (let counter = 1; blocks.length * 32 < keyLengthBytes; counter++) {
    const counterBytes = Buffer.alloc(4);
    counterBytes.writeUInt32BE(counter);
    blocks.push(createHash('sha256').update(counterBytes).update(sharedSecret).update(otherInfo).digest());
  }
  return Buffer.concat(blocks).subarray(0, keyLengthBytes);
}

function keyWrapCipher(kek: Uint8Array): 'id-aes256-wrap' {
  // Only the node's kw-aes256 is accepted: a 128- or 192-bit KEK would mean a downgraded answer.
  if (kek.length !== 32) throw new RangeError('AES-256 key wrap needs a 32-byte key-encryption key');
  return 'id-aes256-wrap';
}

/** AES key wrap (RFC 3394) with a 256-bit key-encryption key, the default IV. */
export function aesKeyWrap(kek: Uint8Array, keyData: Uint8Array): Buffer {
  if (keyData.length < 16 || keyData.length % 8 !== 0) throw new RangeError('key data must be n×64 bits, n ≥ 2');
  const cipher = createCipheriv(keyWrapCipher(kek), kek, KEY_WRAP_IV);
  return Buffer.concat([cipher.update(keyData), cipher.final()]);
}

/** The inverse of aesKeyWrap; a failed integrity check is a refusal ('decryption'). */
export function aesKeyUnwrap(kek: Uint8Array, wrapped: Uint8Array): Buffer {
  if (wrapped.length < 24 || wrapped.length % 8 !== 0) refuse('decryption', 'wrapped key length');
  try {
    const decipher = createDecipheriv(keyWrapCipher(kek), kek, KEY_WRAP_IV);
    return Buffer.concat([decipher.update(wrapped), decipher.final()]);
  } catch {
    return refuse('decryption', 'key unwrap integrity check');
  }
}

function requireP256(key: KeyObject, type: 'public' | 'private'): KeyObject {
  if (key.type !== type || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== P256) {
    throw new TypeError(`expected an EC P-256 ${type} key`);
  }
  return key;
}

// The configured keys arrive as PEM text on every message (WK_* in the environment); parsing a
// certificate or a private key each time cost more than the ECDSA operation itself. A KeyObject
// is immutable, so the parsed key is kept per PEM text — a handful of them, so the set is bounded.
const parsedKeys = new Map<string, KeyObject>();
const MAX_PARSED_KEYS = 32;

function parsedKey(type: 'private' | 'public', pem: string): KeyObject {
  const cacheKey = `${type}\n${pem}`;
  let key = parsedKeys.get(cacheKey);
  if (!key) {
    key = type === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
    if (parsedKeys.size >= MAX_PARSED_KEYS) parsedKeys.clear();
    parsedKeys.set(cacheKey, key);
  }
  return key;
}

/** A private key from PEM (PKCS#8 or SEC1), or the KeyObject itself; P-256 only. */
export function p256PrivateKey(key: string | KeyObject): KeyObject {
  return requireP256(typeof key === 'string' ? parsedKey('private', key) : key, 'private');
}

/** A public key from a certificate PEM, an SPKI PEM, or a KeyObject (public or private); P-256 only. */
export function p256PublicKey(key: string | KeyObject): KeyObject {
  if (typeof key === 'string') return requireP256(parsedKey('public', key), 'public');
  return requireP256(key.type === 'private' ? createPublicKey(key) : key, 'public');
}

/** A P-256 public key from an uncompressed point (04 ‖ X ‖ Y); a point off the curve is refused. */
export function p256PublicKeyFromPoint(point: Uint8Array): KeyObject {
  if (point.length !== 65 || point[0] !== 0x04) refuse('decryption', 'EC point is not an uncompressed P-256 point');
  const bytes = Buffer.from(point);
  try {
    // OpenSSL checks that the point lies on the curve when the JWK is imported (invalid-curve attacks).
    return createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: bytes.subarray(1, 33).toString('base64url'), y: bytes.subarray(33).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return refuse('decryption', 'EC point is not on P-256');
  }
}

/** The uncompressed point (04 ‖ X ‖ Y) of a P-256 public key. */
export function p256PointFromPublicKey(key: KeyObject): Buffer {
  const jwk = requireP256(key, 'public').export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new TypeError('EC key without coordinates');
  return Buffer.concat([Buffer.from([0x04]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
}

/** ECDH on P-256: the shared secret Z (the X coordinate, 32 bytes) that ConcatKDF takes. */
export function ecdhEsSharedSecret(privateKey: KeyObject, peerPublicKey: KeyObject): Buffer {
  return diffieHellman({ privateKey: requireP256(privateKey, 'private'), publicKey: requireP256(peerPublicKey, 'public') });
}

/** AES-256-GCM over `IV(12) ‖ ciphertext ‖ tag(16)`, no additional data, as in XML Encryption 1.1. */
export function aesGcmDecrypt(key: Uint8Array, data: Uint8Array): Buffer {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  if (data.length < GCM_IV_BYTES + GCM_TAG_BYTES) refuse('decryption', 'cipher value too short');
  const bytes = Buffer.from(data);
  const iv = bytes.subarray(0, GCM_IV_BYTES);
  const tag = bytes.subarray(bytes.length - GCM_TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(GCM_IV_BYTES, bytes.length - GCM_TAG_BYTES)), decipher.final()]);
  } catch {
    return refuse('decryption', 'GCM authentication tag');
  }
}

export function aesGcmEncrypt(key: Uint8Array, plaintext: Uint8Array, iv: Uint8Array = randomBytes(GCM_IV_BYTES)): Buffer {
  if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
  if (iv.length !== GCM_IV_BYTES) throw new RangeError('GCM IV must be 12 bytes');
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

/** ECDSA P-256 with SHA-256; the signature is the raw 64-byte r‖s of XML Signature, not DER. */
export function ecdsaP256Sign(privateKey: KeyObject, data: Uint8Array): Buffer {
  return sign('sha256', data, { key: requireP256(privateKey, 'private'), dsaEncoding: 'ieee-p1363' });
}

export function ecdsaP256Verify(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify('sha256', data, { key: requireP256(publicKey, 'public'), dsaEncoding: 'ieee-p1363' }, signature);
  } catch {
    return false;
  }
}
