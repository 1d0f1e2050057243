import { X509Certificate, createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate, generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  aesKeyUnwrap,
  aesKeyWrap,
  concatKdf,
  ecdhEsSharedSecret,
  ecdsaP256Sign,
  ecdsaP256Verify,
  p256PointFromPublicKey,
  p256PrivateKey,
  p256PublicKey,
  p256PublicKeyFromPoint,
} from '@/lib/login-gov-pl/crypto';
import { WkRefusal } from '@/lib/login-gov-pl/refusal';

const hex = (value: string) => Buffer.from(value.replace(/\s+/g, ''), 'hex');
const flip = (bytes: Buffer, index: number) => {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
};
const lengthPrefixed = (text: string) => {
  const value = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
};

// RFC 7518 appendix C: ECDH-ES between Alice's ephemeral key and Bob's key, ConcatKDF SHA-256.
const alice = {
  kty: 'EC',
  crv: 'P-256',
  x: 'gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0',
  y: 'SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps',
  d: '0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo',
};
const bob = {
  kty: 'EC',
  crv: 'P-256',
  x: 'weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ',
  y: 'e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck',
  d: 'VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw',
};
const rfc7518Z = Buffer.from([
  158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140,
  254, 144, 196,
]);
const rfc7518OtherInfo = Buffer.concat([lengthPrefixed('A128GCM'), lengthPrefixed('Alice'), lengthPrefixed('Bob'), hex('00000080')]);

describe('ConcatKDF (SHA-256)', () => {
  it('derives the key of RFC 7518 appendix C', () => {
    expect(concatKdf(rfc7518Z, 16, rfc7518OtherInfo).toString('base64url')).toBe('VqqN6vgjbSBcIijNcacQGg');
  });

  it('is one SHA-256 round of counter 00000001 ‖ Z ‖ OtherInfo for a 32-byte key, as the node derives kw-aes256 keys', () => {
    const z = hex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
    const otherInfo = Buffer.concat([
      lengthPrefixed('http://www.w3.org/2001/04/xmlenc#kw-aes256'),
      lengthPrefixed('int-podmiotyzewnetrzne.login.gov.pl'),
      lengthPrefixed('e-talar.com'),
    ]);
    const byHand = createHash('sha256').update(hex('00000001')).update(z).update(otherInfo).digest();
    expect(concatKdf(z, 32, otherInfo)).toEqual(byHand);
    // The node's own AlgorithmID attribute is exactly this length-prefixed URI.
    expect(otherInfo.subarray(0, 46).toString('hex').toUpperCase()).toBe(
      '0000002A687474703A2F2F7777772E77332E6F72672F323030312F30342F786D6C656E63236B772D616573323536',
    );
  });

  it('continues with counter 00000002 beyond 32 bytes', () => {
    const z = hex('01'.repeat(32));
    const second = createHash('sha256').update(hex('00000002')).update(z).update(hex('ab')).digest();
    expect(concatKdf(z, 48, hex('ab')).subarray(32)).toEqual(second.subarray(0, 16));
  });

  it('gives a different key when one byte of Z or of OtherInfo changes', () => {
    const key = concatKdf(rfc7518Z, 16, rfc7518OtherInfo);
    expect(concatKdf(flip(rfc7518Z, 5), 16, rfc7518OtherInfo)).not.toEqual(key);
    expect(concatKdf(rfc7518Z, 16, flip(rfc7518OtherInfo, 9))).not.toEqual(key);
  });
});

describe('AES-256 key wrap (RFC 3394)', () => {
  const kek = hex('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F');

  it('wraps 256 bits of key data with a 256-bit KEK as in section 4.6', () => {
    const wrapped = aesKeyWrap(kek, hex('00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F'));
    expect(wrapped.toString('hex').toUpperCase()).toBe('28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21');
  });

  it('wraps 128 bits of key data with a 256-bit KEK as in section 4.3', () => {
    expect(aesKeyWrap(kek, hex('00112233445566778899AABBCCDDEEFF')).toString('hex').toUpperCase()).toBe(
      '64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7',
    );
  });

  it('unwraps section 4.6 back to the key data', () => {
    const unwrapped = aesKeyUnwrap(kek, hex('28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21'));
    expect(unwrapped.toString('hex').toUpperCase()).toBe('00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F');
  });

  it('refuses a wrapped key with one changed byte, or under another KEK', () => {
    const wrapped = hex('28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21');
    for (const index of [0, 8, 39]) {
      expect(() => aesKeyUnwrap(kek, flip(wrapped, index))).toThrowError(expect.objectContaining({ reason: 'decryption' }));
    }
    expect(() => aesKeyUnwrap(flip(kek, 0), wrapped)).toThrow(WkRefusal);
  });

  it('accepts only a 256-bit KEK', () => {
    expect(() => aesKeyWrap(kek.subarray(0, 16), hex('00112233445566778899AABBCCDDEEFF'))).toThrow(RangeError);
  });
});

describe('ECDH-ES on P-256', () => {
  it('agrees on the shared secret of RFC 7518 appendix C from either side', () => {
    const alicePrivate = createPrivateKey({ key: alice, format: 'jwk' });
    const bobPrivate = createPrivateKey({ key: bob, format: 'jwk' });
    expect(ecdhEsSharedSecret(alicePrivate, createPublicKey(bobPrivate))).toEqual(rfc7518Z);
    expect(ecdhEsSharedSecret(bobPrivate, createPublicKey(alicePrivate))).toEqual(rfc7518Z);
  });

  it('reads an uncompressed point and writes it back', () => {
    const point = p256PointFromPublicKey(createPublicKey(createPrivateKey({ key: alice, format: 'jwk' })));
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(4);
    expect(p256PointFromPublicKey(p256PublicKeyFromPoint(point))).toEqual(point);
  });

  it('refuses a point off the curve, a compressed point and a short one', () => {
    const point = p256PointFromPublicKey(createPublicKey(createPrivateKey({ key: alice, format: 'jwk' })));
    expect(() => p256PublicKeyFromPoint(flip(point, 64))).toThrowError(expect.objectContaining({ reason: 'decryption' }));
    expect(() => p256PublicKeyFromPoint(Buffer.concat([Buffer.from([2]), point.subarray(1, 33)]))).toThrow(WkRefusal);
    expect(() => p256PublicKeyFromPoint(point.subarray(0, 64))).toThrow(WkRefusal);
  });
});

describe('AES-256-GCM as IV ‖ ciphertext ‖ tag', () => {
  // NIST GCM test case 14 (McGrew & Viega): 256-bit zero key, zero IV, one zero block.
  const key = Buffer.alloc(32);
  const iv = Buffer.alloc(12);
  const known = hex('000000000000000000000000' + 'cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919');

  it('encrypts test case 14 of the GCM specification', () => {
    expect(aesGcmEncrypt(key, Buffer.alloc(16), iv)).toEqual(known);
  });

  it('decrypts it back', () => {
    expect(aesGcmDecrypt(key, known)).toEqual(Buffer.alloc(16));
  });

  it('refuses one changed byte in the IV, the ciphertext or the tag', () => {
    for (const index of [0, 12, known.length - 1]) {
      expect(() => aesGcmDecrypt(key, flip(known, index))).toThrowError(expect.objectContaining({ reason: 'decryption' }));
    }
    expect(() => aesGcmDecrypt(key, known.subarray(0, 27))).toThrow(WkRefusal);
  });
});

describe('ECDSA P-256 with raw r‖s signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const data = Buffer.from('<ds:SignedInfo/>');

  it('signs 64 bytes that verify', () => {
    const signature = ecdsaP256Sign(privateKey, data);
    expect(signature).toHaveLength(64);
    expect(ecdsaP256Verify(publicKey, data, signature)).toBe(true);
  });

  it('fails with one changed byte of the data or the signature, or another key', () => {
    const signature = ecdsaP256Sign(privateKey, data);
    expect(ecdsaP256Verify(publicKey, flip(data, 3), signature)).toBe(false);
    expect(ecdsaP256Verify(publicKey, data, flip(signature, 10))).toBe(false);
    expect(ecdsaP256Verify(publicKey, data, flip(signature, 50))).toBe(false);
    expect(ecdsaP256Verify(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey, data, signature)).toBe(false);
  });

  it('refuses a DER-encoded signature', () => {
    expect(ecdsaP256Verify(publicKey, data, Buffer.alloc(70))).toBe(false);
  });

  it('makes self-signed certificates whose key is the signing key', () => {
    const pem = createSelfSignedCertificate({ privateKey, commonName: 'test node', notBefore: new Date('2026-01-01T00:00:00Z') });
    const certificate = new X509Certificate(pem);
    expect(certificate.subject).toBe('CN=test node');
    expect(certificate.verify(publicKey)).toBe(true);
    expect(ecdsaP256Verify(certificate.publicKey, data, ecdsaP256Sign(privateKey, data))).toBe(true);
  });
});

describe('keys given as PEM (the configuration)', () => {
  it('are parsed once per PEM text: the same key again, and its own key for another text', () => {
    const one = generateP256KeyPair('one');
    const two = generateP256KeyPair('two');
    expect(p256PrivateKey(one.privateKeyPem)).toBe(p256PrivateKey(one.privateKeyPem));
    expect(p256PublicKey(one.certificatePem)).toBe(p256PublicKey(one.certificatePem));
    expect(p256PrivateKey(two.privateKeyPem)).not.toBe(p256PrivateKey(one.privateKeyPem));
    expect(p256PublicKey(two.certificatePem).equals(createPublicKey(two.certificatePem))).toBe(true);
    expect(p256PublicKey(one.certificatePem).equals(p256PublicKey(two.certificatePem))).toBe(false);
    // A private key's PEM asked for its public key is the public half, not the private key kept above.
    expect(p256PublicKey(one.privateKeyPem).type).toBe('public');
  });

  it('refuse a key that is not P-256 every time, and text that is no key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => p256PrivateKey(rsa)).toThrow(TypeError);
    expect(() => p256PrivateKey(rsa)).toThrow(TypeError);
    expect(() => p256PublicKey('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toThrow();
  });

  it('stay bounded however many keys pass through', () => {
    const keys = Array.from({ length: 40 }, (_, i) => generateP256KeyPair(`key ${i}`));
    for (const key of keys) expect(p256PrivateKey(key.privateKeyPem).type).toBe('private');
    // The first ones were let go and are parsed again, to an equal key.
    expect(p256PrivateKey(keys[0]!.privateKeyPem).equals(createPrivateKey(keys[0]!.privateKeyPem))).toBe(true);
  });
});
