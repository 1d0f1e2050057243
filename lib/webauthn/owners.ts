// Whose a passkey is: a staff member or a patient's web account, exactly one (as a second
// factor's owner, lib/auth/mfa.ts), and the WebAuthn user handle that names them to a browser.
import { passkeys, type Passkey } from '@/db/schema';
import type { MfaOwner } from '@/lib/auth/mfa';

export type PasskeyOwner = MfaOwner;

export const ownerColumn = (owner: PasskeyOwner) => (owner.kind === 'staff' ? passkeys.staffId : passkeys.accountId);
export const ownerValues = (owner: PasskeyOwner) => (owner.kind === 'staff' ? { staffId: owner.id } : { accountId: owner.id });
export const sameOwner = (a: PasskeyOwner, b: PasskeyOwner) => a.kind === b.kind && a.id === b.id;

export function ownerOf(row: Pick<Passkey, 'staffId' | 'accountId'>): PasskeyOwner {
  return row.staffId ? { kind: 'staff', id: row.staffId } : { kind: 'patient', id: row.accountId! };
}

/**
 * The WebAuthn user handle of an owner: a kind byte and the 16 bytes of the owner's uuid. Opaque
 * (no login, no PESEL), stable, and never the same for a staff member and a patient.
 */
export function userHandle(owner: PasskeyOwner): Uint8Array<ArrayBuffer> {
  const handle = new Uint8Array(17);
  handle[0] = owner.kind === 'staff' ? 1 : 2;
  handle.set(Buffer.from(owner.id.replace(/-/g, ''), 'hex'), 1);
  return handle;
}

export const userHandleText = (owner: PasskeyOwner) => Buffer.from(userHandle(owner)).toString('base64url');
