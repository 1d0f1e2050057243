// Levels of assurance (SPEC §19, issue 22): every session records how its person was identified
// (not at all, at the desk, or through login.gov.pl with the node's level) and how they signed
// in, as RFC 8176 `amr` values — so that the account page can say it in plain words, the desk and
// the audit log can see it, and a later feature (documents, results) can ask for a level.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authSessions, identityLevels, webAccounts, type IdentityLevel, type SessionIdentity } from '@/db/schema';

/**
 * RFC 8176 values we record: `pwd` a password, `otp` a one-time code (TOTP or a recovery code),
 * `hwk`/`swk` a device-bound or a synced passkey, `user` its user verification, `mfa` more than
 * one factor. `login.gov.pl` is ours (RFC 8176 lets a deployment add values): the national node
 * authenticated the person, by the means and at the level it names.
 */
export type AmrValue = 'pwd' | 'otp' | 'hwk' | 'swk' | 'user' | 'mfa' | 'login.gov.pl';

export const AMR = {
  password: ['pwd'],
  passwordAndCode: ['pwd', 'otp', 'mfa'],
  identityNode: ['login.gov.pl'],
} as const satisfies Record<string, readonly AmrValue[]>;

/** A passkey after the password: the key's own values and the password. */
export function passwordAndPasskey(passkeyAmr: readonly string[]): AmrValue[] {
  return ['pwd', ...passkeyAmr.filter((v): v is AmrValue => v === 'hwk' || v === 'swk' || v === 'user'), 'mfa'];
}

/** How a session's person was identified when it began. */
export interface SessionIdentification {
  identity: SessionIdentity;
  loa: IdentityLevel | null;
}

const NO_IDENTITY: SessionIdentification = { identity: 'none', loa: null };

/** An eIDAS level as the node or the account names it, or null for anything else. */
export const identityLevelOf = (value: string | null): IdentityLevel | null =>
  (identityLevels as readonly string[]).includes(value ?? '') ? (value as IdentityLevel) : null;

/** What the account's verification says: the desk, login.gov.pl (with its level), or nothing yet. */
export async function identificationOf(db: Db, accountId: string): Promise<SessionIdentification> {
  const [account] = await db
    .select({ status: webAccounts.status, method: webAccounts.verificationMethod, loa: webAccounts.verificationLoa })
    .from(webAccounts)
    .where(eq(webAccounts.id, accountId));
  if (!account || account.status !== 'verified') return NO_IDENTITY;
  // Accounts verified before the method was recorded were verified at the desk (SPEC §11).
  if (account.method === 'login.gov.pl') return { identity: 'login.gov.pl', loa: identityLevelOf(account.loa) };
  return { identity: 'desk', loa: null };
}

/** The ways of signing in the account page and the desk name. */
export type SignInWay = 'password' | 'passwordAndCode' | 'passwordAndPasskey' | 'passkey' | 'identityNode';

export function signInWayOf(amr: readonly string[]): SignInWay {
  if (amr.includes('login.gov.pl')) return 'identityNode';
  const passkey = amr.includes('hwk') || amr.includes('swk');
  if (passkey) return amr.includes('pwd') ? 'passwordAndPasskey' : 'passkey';
  return amr.includes('otp') ? 'passwordAndCode' : 'password';
}

/**
 * What the account page says of the current session: how it signed in, and how the person is
 * identified — as recorded when the session began, or as the account stands now when it was
 * identified since (the desk verified them while they were signed in).
 */
export async function sessionAssurance(
  db: Db,
  sid: string,
  accountId: string,
): Promise<{ way: SignInWay; identification: SessionIdentification } | null> {
  const [session] = await db
    .select({ amr: authSessions.amr, identity: authSessions.identity, loa: authSessions.identityLoa })
    .from(authSessions)
    .where(eq(authSessions.id, sid));
  if (!session) return null;
  const recorded: SessionIdentification = { identity: session.identity ?? 'none', loa: session.loa };
  const identification = recorded.identity === 'none' ? await identificationOf(db, accountId) : recorded;
  return { way: signInWayOf(session.amr), identification };
}
