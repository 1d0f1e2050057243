import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { generateToken, hashToken, isWellFormedToken, safeEqual } from '@/lib/secret-tokens';

describe('generateToken', () => {
  it('returns 43 base64url characters (32 random bytes)', () => {
    const token = generateToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(Buffer.from(token, 'base64url').toString('base64url')).toBe(token);
  });

  it('never pads with "=" nor uses the "+" and "/" of plain base64', () => {
    for (let i = 0; i < 500; i++) expect(generateToken()).not.toMatch(/[=+/]/);
  });

  it('returns a different token every time', () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateToken));
    expect(tokens.size).toBe(2000);
  });

  it('returns tokens that isWellFormedToken accepts', () => {
    for (let i = 0; i < 500; i++) expect(isWellFormedToken(generateToken())).toBe(true);
  });
});

describe('hashToken', () => {
  it('returns the SHA-256 of the token as 64 lower-case hex characters', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes the token as UTF-8', () => {
    expect(hashToken('zażółć')).toBe(createHash('sha256').update(Buffer.from('zażółć', 'utf8')).digest('hex'));
  });

  it('is deterministic, differs from the token and matches SHA-256 hex for generated tokens', () => {
    for (let i = 0; i < 100; i++) {
      const token = generateToken();
      const hash = hashToken(token);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hashToken(token)).toBe(hash);
      expect(hash).not.toContain(token);
      expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('gives different tokens different hashes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(hashToken(a)).not.toBe(hashToken(b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('isWellFormedToken', () => {
  const good = 'A'.repeat(21) + '_-' + 'z9'.repeat(10);

  it('accepts 43 base64url characters', () => {
    expect(good).toHaveLength(43);
    expect(isWellFormedToken(good)).toBe(true);
  });

  it.each([
    ['a'.repeat(42), '42 characters'],
    ['a'.repeat(44), '44 characters'],
    ['', 'an empty string'],
    ['a'.repeat(42) + '+', 'a "+"'],
    ['a'.repeat(42) + '/', 'a "/"'],
    ['a'.repeat(42) + '=', 'padding'],
    ['a'.repeat(42) + ' ', 'a trailing space'],
    [' ' + 'a'.repeat(43), 'a leading space'],
    ['a'.repeat(43) + '\n', 'a trailing newline'],
    ['a'.repeat(42) + '.', 'a dot'],
    ['a'.repeat(42) + 'ą', 'a non-ASCII letter'],
    ['a'.repeat(42) + '%', 'a percent sign'],
    ['../../../../etc/passwd' + 'a'.repeat(21), 'a path'],
  ])('rejects %j (%s)', (token) => {
    expect(isWellFormedToken(token)).toBe(false);
  });

  it('accepts exactly the strings of 43 base64url characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 40, maxLength: 46 }), (s) => {
        expect(isWellFormedToken(s)).toBe(/^[A-Za-z0-9_-]{43}$/.test(s));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), (s) => {
        expect(isWellFormedToken(s)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeEqual', () => {
  it('returns true for equal strings', () => {
    const token = generateToken();
    expect(safeEqual(token, `${token}`)).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('zażółć', 'zażółć')).toBe(true);
  });

  it('returns false for different strings of the same length', () => {
    expect(safeEqual('abcd', 'abce')).toBe(false);
    expect(safeEqual('Abcd', 'abcd')).toBe(false);
  });

  it('returns false, without throwing, for strings of different lengths', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
    expect(safeEqual(generateToken(), generateToken().slice(1))).toBe(false);
  });

  it('compares bytes, so strings of equal UTF-16 length but different UTF-8 length differ', () => {
    expect(safeEqual('ą', 'a')).toBe(false);
    expect(safeEqual('ą', 'ab')).toBe(false);
  });

  it('agrees with === for any pair of strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(safeEqual(a, b)).toBe(a === b);
        expect(safeEqual(a, a)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
