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
