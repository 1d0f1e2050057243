// Staff for the passkey e2e (tests/e2e/passkeys.spec.ts), written into the server's database
// before the server starts (PGlite allows one opener per folder, so this works for both kinds):
// a registrar and an administrator with passwords only (their first sign-in enrols a TOTP code, as
// STAFF_MFA=required demands), and a registrar whose only second factor is a security key.
//
// That last state has no way through the UI — a staff member cannot switch their code off, and
// reset-mfa removes keys too — but it is what a desk keeps after keys were handed out while
// STAFF_MFA=optional and the deployment then required a second factor. It is written here as
// lib/webauthn stores a registered key (COSE public key, base64url), and the private half goes to
// the browser's virtual authenticator, so the browser signs with it as with a key it made itself.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { passkeys, staffAccounts } from '@/db/schema';
import { addStaff } from '@/lib/staff/staff-accounts';
import { userHandle } from '@/lib/webauthn';
import { uniqueSuffix } from '../../helpers/people';
import type { VirtualCredential } from './virtual-authenticator';

export interface StaffMember {
  login: string;
  password: string;
}

export interface KeyOnlyStaffMember extends StaffMember {
  keyName: string;
  /** For VirtualAuthenticator.add: the key's private half, for `rpId`. */
  credential: VirtualCredential;
}

export interface PasskeyStaff {
  registrar: StaffMember;
  admin: StaffMember;
  keyOnly: KeyOnlyStaffMember;
}

const PASSWORD = 'Rejestracja#2026-klucze';

/** Creates the three staff members in the database at `target` (migrated first); `rpId` is APP_URL's host. */
export async function preparePasskeyStaff(target: { url?: string; dataDir?: string }, rpId: string): Promise<PasskeyStaff> {
  const database = await openDatabase({ ...target, max: 1 });
  try {
    await migrateDatabase(database);
    const db = database.db;
    const add = async (prefix: string, name: string, role: 'registrar' | 'admin'): Promise<StaffMember & { id: string }> => {
      const login = `${prefix}.${uniqueSuffix()}`;
      const result = await addStaff(db, { login, name, role, password: PASSWORD });
      if (!result.ok) throw new Error(result.error);
      const [row] = await db.select({ id: staffAccounts.id }).from(staffAccounts).where(eq(staffAccounts.login, login));
      return { id: row!.id, login, password: PASSWORD };
    };
    const registrar = await add('klucz', 'Ewa Kluczowa', 'registrar');
    const admin = await add('admin.klucz', 'Adam Audytor', 'admin');
    const keyOnly = await add('tylko.klucz', 'Jan Jednokluczowy', 'registrar');

    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key (RFC 9052): kty EC2, alg ES256, crv P-256, x, y — what verifyRegistrationResponse keeps.
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
      ]),
    );
    const credentialId = randomBytes(32);
    const keyName = 'Klucz zapasowy';
    await db.insert(passkeys).values({
      staffId: keyOnly.id,
      credentialId: credentialId.toString('base64url'),
      publicKey: Buffer.from(cose).toString('base64url'),
      counter: 0,
      transports: ['usb'],
      aaguid: '00000000-0000-0000-0000-000000000000',
      deviceType: 'singleDevice',
      backedUp: false,
      name: keyName,
    });
    const credential: VirtualCredential = {
      credentialId: credentialId.toString('base64'),
      isResidentCredential: true,
      rpId,
      privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      userHandle: Buffer.from(userHandle({ kind: 'staff', id: keyOnly.id })).toString('base64'),
      signCount: 0,
    };
    const plain = ({ login, password }: StaffMember): StaffMember => ({ login, password });
    return { registrar: plain(registrar), admin: plain(admin), keyOnly: { ...plain(keyOnly), keyName, credential } };
  } finally {
    await database.close();
  }
}
