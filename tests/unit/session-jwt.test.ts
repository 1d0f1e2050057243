// The session cookie written with keys kept per process must be Auth.js's own cookie: each side
// reads what the other writes.
import { EncryptJWT } from 'jose';
import { decode as authDecode, encode as authEncode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decode, encode, encryptA256CbcHs512, sealClaims } from '@/lib/auth/session-jwt';

const secret = 'a-test-secret-a-test-secret-a-test-secret';
const salt = 'authjs.session-token';
const token = { sub: '2f1c1a52-0d0e-4a0c-9c38-0d3a0c2e7b11', role: 'patient', ver: 3, sid: 'e1b0c8f4-3a7e-4d43-9a53-8f5a3d1c2b10' };

describe('session cookie with cached keys', () => {
  it('is read by Auth.js, and reads what Auth.js writes', async () => {
    expect(await authDecode({ token: await encode({ token, secret, salt }), secret, salt })).toMatchObject(token);
    expect(await decode({ token: await authEncode({ token, secret, salt }), secret, salt })).toMatchObject(token);
  });

  it('writes the same protected header as Auth.js', async () => {
    const header = (jwe: string) => JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString('utf8')) as unknown;
    expect(header(await encode({ token, secret, salt }))).toEqual(header(await authEncode({ token, secret, salt })));
  });

  it('carries issue time, expiry after maxAge and a unique id, as Auth.js writes them', async () => {
    const [a, b] = [await encode({ token, secret, salt, maxAge: 600 }), await encode({ token, secret, salt, maxAge: 600 })];
    const claims = await authDecode({ token: a, secret, salt });
    expect(claims!.exp! - claims!.iat!).toBe(600);
    expect(Math.abs(claims!.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(claims!.jti).not.toBe((await authDecode({ token: b, secret, salt }))!.jti);
    // A fresh IV each time: the same token never encrypts to the same cookie.
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it('is refused by Auth.js when any part was changed', async () => {
    const parts = (await encode({ token, secret, salt })).split('.');
    for (const i of [0, 2, 3, 4]) {
      const changed = [...parts];
      const bytes = Buffer.from(changed[i]!, 'base64url');
      bytes[bytes.length >> 1]! ^= 1;
      changed[i] = bytes.toString('base64url');
      await expect(authDecode({ token: changed.join('.'), secret, salt }), `part ${i}`).rejects.toThrow();
    }
  });

  it('refuses a cookie made with another secret or for another cookie name', async () => {
    const jwe = await encode({ token, secret, salt });
    await expect(decode({ token: jwe, secret: `${secret}-other`, salt })).rejects.toThrow();
    await expect(decode({ token: jwe, secret, salt: '__Secure-authjs.session-token' })).rejects.toThrow();
  });

  it('reads with any of several secrets (rotation), as Auth.js does', async () => {
    const jwe = await authEncode({ token, secret, salt });
    expect(await decode({ token: jwe, secret: ['new-secret-new-secret-new-secret-new', secret], salt })).toMatchObject(token);
  });
});

// RFC 7518 Appendix B.3, the test case of AES_256_CBC_HMAC_SHA_512.
const rfc = {
  key: Buffer.from(Array.from({ length: 64 }, (_, i) => i)),
  plaintext: Buffer.from(
    'A cipher system must not be required to be secret, and it must be able to fall into the hands of the enemy without inconvenience',
  ),
  iv: Buffer.from('1af38c2dc2b96ffdd86694092341bc04', 'hex'),
  additionalData: Buffer.from('The second principle of Auguste Kerckhoffs'),
  ciphertext:
    '4affaaadb78c31c5da4b1b590d10ffbd3dd8d5d302423526912da037ecbcc7bd822c301dd67c373bccb584ad3e9279c2e6d12a1374b77f077553df8294' +
    '10446b36ebd97066296ae6427ea75c2e0846a11a09ccf5370dc80bfecbad28c73f09b3a3b75e662a2594410ae496b2e2e6609e31e6e02cc837f053d2' +
    '1f37ff4f51950bbe2638d09dd7a4930930806d0703b1f6',
  tag: '4dd3b4c088a7f45c216839645b2012bf2e6269a8c56a816dbc1b267761955bc5',
};

describe('the cookie encryption (node:crypto, written as jose writes it)', () => {
  it('gives the ciphertext and tag of RFC 7518 Appendix B.3', () => {
    const { ciphertext, tag } = encryptA256CbcHs512(rfc.key, rfc.iv, rfc.plaintext, rfc.additionalData);
    expect(ciphertext.toString('hex')).toBe(rfc.ciphertext);
    expect(tag.toString('hex')).toBe(rfc.tag);
  });

  it('gives another tag when one byte of the additional data, the IV or the key changes', () => {
    const flip = (bytes: Buffer, at: number) => Buffer.from(bytes.map((b, i) => (i === at ? b ^ 1 : b)));
    const tag = (key: Buffer, iv: Buffer, additionalData: Buffer) =>
      encryptA256CbcHs512(key, iv, rfc.plaintext, additionalData).tag.toString('hex');
    expect(tag(rfc.key, rfc.iv, flip(rfc.additionalData, 5))).not.toBe(rfc.tag);
    expect(tag(rfc.key, flip(rfc.iv, 3), rfc.additionalData)).not.toBe(rfc.tag);
    expect(tag(flip(rfc.key, 7), rfc.iv, rfc.additionalData)).not.toBe(rfc.tag); // the MAC half
  });

  it('refuses a key or an IV of another length', () => {
    expect(() => encryptA256CbcHs512(rfc.key.subarray(0, 32), rfc.iv, rfc.plaintext, rfc.additionalData)).toThrow();
    expect(() => encryptA256CbcHs512(rfc.key, rfc.iv.subarray(0, 12), rfc.plaintext, rfc.additionalData)).toThrow();
  });

  it("writes jose's EncryptJWT compact JWE byte for byte, given the same claims and IV", async () => {
    const kid = 'a-key-id';
    const claims = { ...token, iat: 1_790_000_000, exp: 1_790_043_200, jti: '7d1c3e0a-5b8f-4f0e-8e2a-1c9b6d3f2a10' };
    const jose = await new EncryptJWT(token)
      .setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512', kid })
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .setJti(claims.jti)
      .setInitializationVector(rfc.iv)
      .encrypt(rfc.key);
    expect(sealClaims(rfc.key, kid, claims, rfc.iv)).toBe(jose);
  });
});
