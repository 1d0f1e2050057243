import { describe, expect, it } from 'vitest';
import { isSecureRequest } from '@/lib/web/secure-cookies';

const request = (entries: Record<string, string>) => new Headers({ host: 'e-rejestracja.example.pl', ...entries });

describe('isSecureRequest, the one Secure decision for our cookies', () => {
  it('is secure when the proxy forwarded HTTPS', () => {
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'https' }))).toBe(true);
  });

  it('is not secure when the request came over plain HTTP (Next forwards the protocol it was reached by)', () => {
    expect(isSecureRequest(request({ 'x-forwarded-proto': 'http' }))).toBe(false);
  });

  it('is secure when nothing says how the request came (HTTPS unless told otherwise)', () => {
    expect(isSecureRequest(request({}))).toBe(true);
  });
});
