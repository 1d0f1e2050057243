// The session cookie written with keys kept per process must be Auth.js's own cookie: each side
// reads what the other writes.
import { decode as authDecode, encode as authEncode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decode, encode } from '@/lib/auth/session-jwt';

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
