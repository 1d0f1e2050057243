import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '@/lib/security/headers';

// proxy.ts refuses a state-changing request unless its Origin names the host it was sent to, by
// the rule Next's action handler applies after it (first X-Forwarded-Host, else Host): what passes
// here must never reach Next's "Invalid Server Actions request" 500.
describe('isSameOrigin', () => {
  it('accepts an Origin whose host is the Host header when no proxy forwarded one', () => {
    expect(isSameOrigin('http://127.0.0.1:3100', null, '127.0.0.1:3100')).toBe(true);
  });

  it('refuses another name of the same machine (localhost for 127.0.0.1), which Next would refuse too', () => {
    expect(isSameOrigin('http://localhost:3100', null, '127.0.0.1:3100')).toBe(false);
    expect(isSameOrigin('http://localhost:3100', '127.0.0.1:3100', '127.0.0.1:3100')).toBe(false);
  });

  it('compares with the first X-Forwarded-Host when there is one, not with Host', () => {
    expect(isSameOrigin('https://rejestracja.example.pl', 'rejestracja.example.pl', '127.0.0.1:3000')).toBe(true);
    expect(isSameOrigin('https://rejestracja.example.pl', 'rejestracja.example.pl, proxy.internal', '127.0.0.1:3000')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:3000', 'rejestracja.example.pl', '127.0.0.1:3000')).toBe(false);
  });

  it('refuses a missing, opaque, foreign or malformed Origin, and a request without any host', () => {
    for (const origin of [null, '', 'null', 'https://evil.example', 'http://127.0.0.1:3101', 'not a url', 'http://[::1']) {
      expect(isSameOrigin(origin, null, '127.0.0.1:3100')).toBe(false);
    }
    expect(isSameOrigin('http://127.0.0.1:3100', null, null)).toBe(false);
    expect(isSameOrigin('http://127.0.0.1:3100', '', '')).toBe(false);
  });
});
