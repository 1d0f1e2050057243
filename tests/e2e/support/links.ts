// The shapes of the links the portal emails (a token is 43 base64url characters), and a token
// that was never issued.
import { randomBytes } from 'node:crypto';

export const ACTIVATION_HREF = /\/activate\/[A-Za-z0-9_-]{43}$/;
export const RESET_HREF = /\/password\/reset\/[A-Za-z0-9_-]{43}$/;
export const EMAIL_CONFIRM_HREF = /\/account\/email\/confirm\/[A-Za-z0-9_-]{43}$/;

/** A well-formed token (43 base64url characters) that was never issued. */
export function unknownToken(): string {
  return randomBytes(32).toString('base64url');
}
