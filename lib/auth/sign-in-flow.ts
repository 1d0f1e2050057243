// Signing in, step by step: the password (with its limits), then — when the account has one, or
// a staff member must enrol one — the second factor. A session is issued only after both.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffAccounts, webAccounts } from '@/db/schema';
import { env } from '@/lib/env';
import { consume, peek, reset } from '@/lib/security/rate-limit';
import { spendNonce } from '@/lib/security/used-nonces';
import { finishPasskeySignIn } from '@/lib/webauthn';
import { AMR, identificationOf, passwordAndPasskey, type SessionIdentification } from './assurance';
import { signInWithLimits, type Role } from './authenticate';
import { hasSecondFactor, verifySecondFactor, type MfaOwner } from './mfa';
import { recordStaffEvent, staffIdByLogin } from './sign-in-events';
import type { SessionGrant } from './session-cookie';
import { startSignedInSession } from './sessions';

/** Password accepted, second factor outstanding: kept in a signed cookie for a few minutes. */
export interface PendingSignIn {
  id: string;
  role: Role;
  ver: number;
  stage: 'code' | 'enrol' | 'enrolled';
  next?: string;
  /** Stage `enrolled`: spent server-side when the session is issued, so the cookie issues one. */
  nonce?: string;
}

export const PENDING_TTL_MS = 5 * 60_000;

export type StepResult =
  | { status: 'complete'; grant: SessionGrant; role: Role; next?: string }
  | { status: 'second-factor'; pending: PendingSignIn }
  | { status: 'refused'; reason: 'invalid' | 'blocked' | 'limited'; retryAfterSeconds: number };

export const mfaOwner = (principal: { id: string; role: Role }): MfaOwner => ({
  kind: principal.role === 'patient' ? 'patient' : 'staff',
  id: principal.id,
});

/**
 * Opens the session row that the session cookie will name, with how the person signed in (`amr`)
 * and — for a patient, unless the caller knows better (login.gov.pl) — how the account was identified.
 */
export async function grantSession(
  db: Db,
  principal: { id: string; role: Role; ver: number },
  amr: readonly string[],
  identification?: SessionIdentification,
): Promise<SessionGrant> {
  const identity = principal.role === 'patient' ? (identification ?? (await identificationOf(db, principal.id))) : undefined;
  const sid = await startSignedInSession(db, principal.id, principal.role, { amr, identification: identity });
  return { id: principal.id, role: principal.role, ver: principal.ver, sid };
}

export async function passwordStep(db: Db, login: string, password: string, ip: string | null, next?: string): Promise<StepResult> {
  const result = await signInWithLimits(db, login, password, ip);
  if (!result.ok) {
    if (result.reason === 'invalid' || result.reason === 'limited') {
      const staffId = await staffIdByLogin(db, login);
      if (staffId)
        await recordStaffEvent(db, staffId, result.reason === 'limited' ? 'staff.signin.limited' : 'staff.signin.password_failed', {}, ip);
    }
    return { status: 'refused', reason: result.reason, retryAfterSeconds: result.reason === 'limited' ? result.retryAfterSeconds : 0 };
  }
  const principal = { id: result.id, role: result.role, ver: result.sessionVersion };
  if (result.secondFactor) return { status: 'second-factor', pending: { ...principal, stage: 'code', next } };
  if (principal.role !== 'patient' && env.STAFF_MFA === 'required')
    return { status: 'second-factor', pending: { ...principal, stage: 'enrol', next } };
  if (principal.role !== 'patient')
    await recordStaffEvent(db, principal.id, 'staff.signin.success', { mfa: false, amr: AMR.password.join(' ') }, ip);
  return { status: 'complete', grant: await grantSession(db, principal, AMR.password), role: principal.role, next };
}

/** The code step: a TOTP code or a recovery code, with its own per-account limit. */
export async function codeStep(db: Db, pending: PendingSignIn, code: string, ip: string | null): Promise<StepResult> {
  if (pending.stage !== 'code') return { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 };
  const limit = await peek(db, 'mfaAccount', pending.id);
  if (!limit.ok) return { status: 'refused', reason: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  const staff = pending.role !== 'patient';
  const verified = await verifySecondFactor(db, mfaOwner(pending), code);
  if (!verified.ok) {
    await consume(db, 'mfaAccount', pending.id);
    if (staff) await recordStaffEvent(db, pending.id, 'staff.signin.code_failed', {}, ip);
    return { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 };
  }
  await reset(db, 'mfaAccount', pending.id);
  if (staff)
    await recordStaffEvent(
      db,
      pending.id,
      'staff.signin.success',
      { mfa: true, method: verified.method, amr: AMR.passwordAndCode.join(' ') },
      ip,
    );
  return { status: 'complete', grant: await grantSession(db, pending, AMR.passwordAndCode), role: pending.role, next: pending.next };
}

/** Who a passkey's owner is now, as a principal that may sign in; null when they may not. */
async function passkeyPrincipal(db: Db, owner: MfaOwner): Promise<{ id: string; role: Role; ver: number } | null> {
  if (owner.kind === 'staff') {
    const [staff] = await db
      .select({ role: staffAccounts.role, ver: staffAccounts.sessionVersion, disabledAt: staffAccounts.disabledAt })
      .from(staffAccounts)
      .where(eq(staffAccounts.id, owner.id));
    return staff && !staff.disabledAt ? { id: owner.id, role: staff.role, ver: staff.ver } : null;
  }
  const [account] = await db
    .select({ status: webAccounts.status, ver: webAccounts.sessionVersion })
    .from(webAccounts)
    .where(eq(webAccounts.id, owner.id));
  return account && (account.status === 'active' || account.status === 'verified')
    ? { id: owner.id, role: 'patient', ver: account.ver }
    : null;
}

/**
 * Signing in with a passkey alone (the "Zaloguj kluczem dostępu" button, or the browser's
 * autofill): possession of the key and its user verification (PIN, fingerprint) are two factors,
 * so this is a complete sign-in for staff too (SPEC §19).
 */
export async function passkeyStep(db: Db, handle: string, response: unknown, ip: string | null, next?: string): Promise<StepResult> {
  const refused = { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 } as const;
  const result = await finishPasskeySignIn(db, handle, response);
  if (!result.ok) return refused;
  const principal = await passkeyPrincipal(db, result.owner);
  if (!principal) return { status: 'refused', reason: 'blocked', retryAfterSeconds: 0 };
  if (principal.role !== 'patient')
    await recordStaffEvent(db, principal.id, 'staff.signin.success', { mfa: true, method: 'passkey', amr: result.amr.join(' ') }, ip);
  return { status: 'complete', grant: await grantSession(db, principal, result.amr), role: principal.role, next };
}

/** The step after the password with a passkey instead of a code: only the pending person's keys. */
export async function passkeySecondStep(
  db: Db,
  pending: PendingSignIn,
  handle: string,
  response: unknown,
  ip: string | null,
): Promise<StepResult> {
  if (pending.stage !== 'code') return { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 };
  const result = await finishPasskeySignIn(db, handle, response, mfaOwner(pending));
  if (!result.ok) {
    if (pending.role !== 'patient')
      await recordStaffEvent(db, pending.id, 'staff.signin.code_failed', { method: 'passkey', reason: result.reason }, ip);
    return { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 };
  }
  const amr = passwordAndPasskey(result.amr);
  if (pending.role !== 'patient')
    await recordStaffEvent(db, pending.id, 'staff.signin.success', { mfa: true, method: 'passkey', amr: amr.join(' ') }, ip);
  return { status: 'complete', grant: await grantSession(db, pending, amr), role: pending.role, next: pending.next };
}

/** The pending sign-in once a factor was enrolled at sign-in: a fresh nonce makes it good for one session. */
export const enrolledPending = (pending: PendingSignIn): PendingSignIn => ({ ...pending, stage: 'enrolled', nonce: randomUUID() });

/**
 * After enrolment at sign-in (the recovery codes were shown): the session, issued once per
 * finished sign-in. The pending cookie lives for minutes and could be sent again from anywhere,
 * so its nonce is spent in the database first; a replay finds it spent and gets nothing.
 */
export async function enrolledStep(db: Db, pending: PendingSignIn, ip: string | null): Promise<StepResult> {
  const refused = { status: 'refused', reason: 'invalid', retryAfterSeconds: 0 } as const;
  if (pending.stage !== 'enrolled' || !pending.nonce) return refused;
  if (!(await hasSecondFactor(db, mfaOwner(pending)))) return refused;
  if (!(await spendNonce(db, 'sign-in.enrolled', pending.nonce, new Date(Date.now() + PENDING_TTL_MS)))) return refused;
  if (pending.role !== 'patient')
    await recordStaffEvent(
      db,
      pending.id,
      'staff.signin.success',
      { mfa: true, method: 'enrolment', amr: AMR.passwordAndCode.join(' ') },
      ip,
    );
  return { status: 'complete', grant: await grantSession(db, pending, AMR.passwordAndCode), role: pending.role, next: pending.next };
}

/**
 * Where to go after signing in: the page the user was sent away from, when it is one of our own
 * paths for this role — never another origin (`//host`, `/\host`, `https:`), never a foreign area.
 */
export function returnPath(next: string | null | undefined, role: Role): string {
  const fallback = role === 'patient' ? '/account' : '/admin/verifications';
  if (!next || next.length > 512 || !/^\/[A-Za-z0-9\-._~/?=&%+]*$/.test(next) || next.includes('//') || next.includes('/..'))
    return fallback;
  const area = role === 'patient' ? '/account' : '/admin';
  return next === area || next.startsWith(`${area}/`) || next.startsWith(`${area}?`) ? next : fallback;
}
