// Short-lived, HMAC-signed payloads the server gives itself: the "password accepted, second
// factor pending" cookie. Signed, not encrypted: they
// carry ids only, and a forged or expired one is simply refused.
import { createHmac } from 'node:crypto';
import { safeEqual } from '@/lib/secret-tokens';

type Purpose = 'mfa-pending';

function mac(secret: string, purpose: Purpose, body: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(body).digest('base64url');
}

export function seal<T extends object>(secret: string, purpose: Purpose, payload: T, ttlMs: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: now + ttlMs })).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
}

export function unseal<T extends object>(secret: string, purpose: Purpose, value: string | undefined | null, now = Date.now()): T | null {
  if (!value || value.length > 4096) return null;
  const [body, signature, extra] = value.split('.');
  if (!body || !signature || extra !== undefined || !safeEqual(signature, mac(secret, purpose, body))) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: unknown };
    return typeof payload.exp === 'number' && payload.exp > now ? payload : null;
  } catch {
    return null;
  }
}
