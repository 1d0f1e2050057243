import { afterEach, describe, expect, it, vi } from 'vitest';
import { isSecureRequest } from '@/lib/web/secure-cookies';

const request = (entries: Record<string, string>) => new Headers({ host: 'e-rejestracja.example.pl', ...entries });

describe('isSecureRequest, the one Secure decision for our cookies', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is secure when the proxy forwarded HTTPS', () => {
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
  });

  it('is not secure when the request came over plain HTTP (Next forwards the protocol it was reached by)', () => {
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'http' }))).toBe(false);
  });

  it('takes AUTH_URL over the forwarded protocol, as Auth.js does when it names the session cookie', () => {
    vi.stubEnv('AUTH_URL', 'https://e-rejestracja.example.pl');
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'http' }))).toBe(true);
    vi.stubEnv('AUTH_URL', 'http://127.0.0.1:3000');
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'https' }))).toBe(false);
  });
});
