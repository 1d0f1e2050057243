// TOTP secrets at rest: AES-256-GCM under a key from configuration (MFA_ENCRYPTION_KEY), or
// derived from AUTH_SECRET with HKDF when none is set. A stolen database alone yields no secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The 32-byte key: HKDF-SHA256 over the configured key material, bound to this one purpose. */
export function mfaKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'e-rejestracja', 'totp-secret-encryption', 32));
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The secret, or null when the value was not made with this key (or was tampered with). */
export function decryptSecret(sealed: string, key: Buffer): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
