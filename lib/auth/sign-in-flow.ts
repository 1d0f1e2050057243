// Signing in, step by step: the password (with its limits), then — when the account has one, or
// a staff member must enrol one — the second factor. A session is issued only after both.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { env } from '@/lib/env';
import { consume, peek, reset } from '@/lib/security/rate-limit';
import { spendNonce } from '@/lib/security/used-nonces';
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

/** Opens the session row that the session cookie will name. */
export async function grantSession(db: Db, principal: { id: string; role: Role; ver: number }): Promise<SessionGrant> {
  const sid = await startSignedInSession(db, principal.id, principal.role);
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
  if (principal.role !== 'patient') await recordStaffEvent(db, principal.id, 'staff.signin.success', { mfa: false }, ip);
  return { status: 'complete', grant: await grantSession(db, principal), role: principal.role, next };
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
  if (staff) await recordStaffEvent(db, pending.id, 'staff.signin.success', { mfa: true, method: verified.method }, ip);
  return { status: 'complete', grant: await grantSession(db, pending), role: pending.role, next: pending.next };
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
  if (pending.role !== 'patient') await recordStaffEvent(db, pending.id, 'staff.signin.success', { mfa: true, method: 'enrolment' }, ip);
  return { status: 'complete', grant: await grantSession(db, pending), role: pending.role, next: pending.next };
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
