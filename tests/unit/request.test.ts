import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { forwardedClient, normalizeAddress } from '@/lib/request';

// SPEC §12: the client address is the entry of X-Forwarded-For added by the nearest trusted proxy
// (TRUSTED_PROXY_HOPS, default 1), never the client's own first entry. A proxy appends, so the
// trusted entries are the rightmost ones.

const headers = (init: Record<string, string> | Array<[string, string]> = {}) => new Headers(init);

describe('forwardedClient – one proxy (hops = 1): the rightmost entry', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['198.51.100.1, 203.0.113.7', '203.0.113.7'],
    ['198.51.100.1,203.0.113.7', '203.0.113.7'],
    ['  198.51.100.1 ,   203.0.113.7  ', '203.0.113.7'],
    ['10.0.0.1, 10.0.0.2, 10.0.0.3, 203.0.113.7', '203.0.113.7'],
  ])('%j → %s', (header, expected) => {
    expect(forwardedClient(header, 1)).toBe(expected);
  });

  it('ignores whatever the client wrote on the left, however much of it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 8 }), (forged) => {
        const header = [...forged.map((f) => f.replace(/,/g, '')), '203.0.113.7'].join(', ');
        expect(forwardedClient(header, 1)).toBe('203.0.113.7');
      }),
    );
  });

  it('does not take the first entry (the one the client controls)', () => {
    expect(forwardedClient('1.1.1.1, 203.0.113.7', 1)).not.toBe('1.1.1.1');
  });
});

describe('forwardedClient – a chain of proxies (hops = n): the n-th entry from the right', () => {
  const header = 'forged, 198.51.100.1, 10.0.0.1, 10.0.0.2';
  it.each([
    [1, '10.0.0.2'],
    [2, '10.0.0.1'],
    [3, '198.51.100.1'],
  ])('hops = %i → %s', (hops, expected) => {
    expect(forwardedClient(header, hops)).toBe(expected);
  });

  it('with fewer entries than hops, the leftmost (every entry then came from one of our proxies)', () => {
    expect(forwardedClient('198.51.100.1', 2)).toBe('198.51.100.1');
    expect(forwardedClient('198.51.100.1, 10.0.0.1', 3)).toBe('198.51.100.1');
    expect(forwardedClient('garbage, 10.0.0.1', 3)).toBeNull();
  });

  it('with exactly hops entries, the leftmost', () => {
    expect(forwardedClient('198.51.100.1, 10.0.0.1', 2)).toBe('198.51.100.1');
  });
});

describe('forwardedClient – no proxy (hops = 0) trusts no header', () => {
  it.each(['203.0.113.7', '198.51.100.1, 203.0.113.7', '127.0.0.1', '::1'])('%j → unknown', (header) => {
    expect(forwardedClient(header, 0)).toBeNull();
  });

  it('refuses nonsense hop counts', () => {
    expect(forwardedClient('203.0.113.7', -1)).toBeNull();
    expect(forwardedClient('203.0.113.7', 1.5)).toBeNull();
    expect(forwardedClient('203.0.113.7', Number.NaN)).toBeNull();
  });
});

describe('forwardedClient – missing and malformed headers', () => {
  it.each([null, undefined, '', ' ', ',', ', ,'])('%j → unknown', (header) => {
    expect(forwardedClient(header, 1)).toBeNull();
  });

  it.each([
    'unknown',
    '_hidden',
    'example.com',
    'localhost',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '01.2.3.4',
    '<script>',
    '1.2.3.4 5.6.7.8',
    'for=1.2.3.4',
    'a'.repeat(100),
  ])('a garbage entry in the trusted place gives unknown: %j', (garbage) => {
    expect(forwardedClient(garbage, 1)).toBeNull();
    expect(forwardedClient(`203.0.113.7, ${garbage}`, 1)).toBeNull();
  });

  it('does not skip a garbage trusted entry to take a client-written one on its left', () => {
    expect(forwardedClient('203.0.113.66, unknown', 1)).toBeNull();
    expect(forwardedClient('203.0.113.66, , ', 1)).toBeNull();
  });

  it('garbage on the client side does not matter', () => {
    expect(forwardedClient('<script>, , unknown, 203.0.113.7', 1)).toBe('203.0.113.7');
  });
});

describe('normalizeAddress – one key per address', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::1', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['fe80::1%eth0', 'fe80::1'],
    ['  ::1  ', '::1'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it('gives null for anything that is not an address', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = normalizeAddress(s);
        if (result !== null) expect(result).toMatch(/^[0-9a-f:.]+$/);
      }),
    );
  });

  it('keeps every valid IPv4 and IPv6 address', () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => normalizeAddress(ip) === ip));
    fc.assert(fc.property(fc.ipV6(), (ip) => normalizeAddress(ip) !== null));
  });
});

describe('clientIp – the configured number of hops', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function withHops(hops: string | undefined) {
    vi.resetModules();
    if (hops === undefined) vi.stubEnv('TRUSTED_PROXY_HOPS', undefined as unknown as string);
    else vi.stubEnv('TRUSTED_PROXY_HOPS', hops);
    return (await import('@/lib/request')).clientIp;
  }

  it('defaults to one proxy: the rightmost entry', async () => {
    const ip = await withHops(undefined);
    expect(ip(headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('reads TRUSTED_PROXY_HOPS', async () => {
    const ip = await withHops('2');
    expect(ip(headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
  });

  it('with 0 ignores the header: the address is unknown', async () => {
    const ip = await withHops('0');
    expect(ip(headers({ 'x-forwarded-for': '203.0.113.7' }))).toBeNull();
  });

  it('ignores X-Real-IP, which a client can set as easily as X-Forwarded-For', async () => {
    const ip = await withHops('1');
    expect(ip(headers({ 'x-real-ip': '203.0.113.9' }))).toBeNull();
    expect(ip(headers({ 'x-real-ip': '203.0.113.9', 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('treats repeated X-Forwarded-For headers as one list (as Node joins them)', async () => {
    const ip = await withHops('1');
    expect(
      ip(
        headers([
          ['x-forwarded-for', '198.51.100.1'],
          ['x-forwarded-for', '203.0.113.7'],
        ]),
      ),
    ).toBe('203.0.113.7');
  });

  it('a missing header is an unknown address', async () => {
    const ip = await withHops('1');
    expect(ip(headers())).toBeNull();
  });

  it('refuses a negative TRUSTED_PROXY_HOPS at start-up', async () => {
    const { loadEnv } = await import('@/lib/env');
    expect(() => loadEnv({ NODE_ENV: 'test', TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(loadEnv({ NODE_ENV: 'test' }).TRUSTED_PROXY_HOPS).toBe(1);
  });
});
