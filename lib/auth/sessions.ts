// Server-side sessions. The Auth.js cookie names a row here; the row decides on every request
// whether the session still lives: not ended (sign-out, "everywhere"), not idle for longer than
// the role allows, not older than its absolute lifetime, and its principal still current
// (password change, block or disabled staff move the session version on).
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { authSessions, staffAccounts, webAccounts, type StaffRole } from '@/db/schema';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/uuid';
import { isMultiFactor, type SessionIdentification } from './assurance';

export type Role = 'patient' | StaffRole;
export type SessionEnd = 'idle' | 'absolute' | 'ended';
export type SessionCheck = { ok: true } | { ok: false; reason: SessionEnd };

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

function sessionLimits(role: Role): SessionLimits {
  const staff = role !== 'patient';
  return {
    idleMs: (staff ? env.SESSION_IDLE_MINUTES_STAFF : env.SESSION_IDLE_MINUTES_PATIENT) * 60_000,
    absoluteMs: (staff ? env.SESSION_MAX_HOURS_STAFF : env.SESSION_MAX_HOURS_PATIENT) * 3_600_000,
  };
}

const owner = (id: string, role: Role) => (role === 'patient' ? { accountId: id } : { staffId: id });

/** How the session's person signed in and was identified (lib/auth/assurance.ts). */
export interface SessionAssurance {
  amr: readonly string[];
  /** Patients only: how their identity was established when the session began. */
  identification?: SessionIdentification;
}

export async function startSession(db: Db, id: string, role: Role, assurance: SessionAssurance = { amr: ['pwd'] }): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      ...owner(id, role),
      role,
      amr: [...assurance.amr],
      identity: assurance.identification?.identity ?? null,
      identityLoa: assurance.identification?.loa ?? null,
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * Opens the session of a finished sign-in. A patient's sign-in is counted for their data export
 * (web_accounts.sign_in_count and last_sign_in_at, lib/account/my-data.ts) by the same statement.
 */
export async function startSignedInSession(db: Db, id: string, role: Role, assurance: SessionAssurance, now = new Date()): Promise<string> {
  if (role !== 'patient') return startSession(db, id, role, { amr: assurance.amr });
  // A Postgres array literal: the values are our own RFC 8176 words (no commas, quotes or braces).
  const amr = `{${assurance.amr.filter((v) => /^[a-z.]+$/.test(v)).join(',')}}`;
  const result = await db.execute(sql`
    with recorded as (
      update ${webAccounts} set sign_in_count = sign_in_count + 1, last_sign_in_at = ${now.toISOString()}::timestamptz where id = ${id})
    insert into ${authSessions} (account_id, role, amr, identity, identity_loa)
    values (${id}, 'patient', ${amr}::text[], ${assurance.identification?.identity ?? null}, ${assurance.identification?.loa ?? null})
    returning id`);
  return rowsOf<{ id: string }>(result)[0]!.id;
}

/**
 * Checks a session and records the activity. `lastSeenAt` is written at most every few seconds
 * (a tenth of the idle timeout, at most 15 s), so a burst of requests costs one write.
 */
export async function checkSession(
  db: Db,
  sid: string,
  id: string,
  role: Role,
  sessionVersion: number,
  now = new Date(),
  /** Called once, by the check that ends the session on a timeout (not by later ones). */
  onTimeout?: (reason: 'idle' | 'absolute') => Promise<void>,
): Promise<SessionCheck> {
  if (!isUuid(sid) || !isUuid(id)) return { ok: false, reason: 'ended' };
  const [row] = await db
    .select({
      role: authSessions.role,
      staffId: authSessions.staffId,
      accountId: authSessions.accountId,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      endedAt: authSessions.endedAt,
      endReason: authSessions.endReason,
      amr: authSessions.amr,
      current:
        role === 'patient'
          ? sql<boolean>`exists (select 1 from ${webAccounts} where ${webAccounts.id} = ${id} and ${webAccounts.status} <> 'blocked' and ${webAccounts.sessionVersion} = ${sessionVersion})`
          : sql<boolean>`exists (select 1 from ${staffAccounts} where ${staffAccounts.id} = ${id} and ${staffAccounts.disabledAt} is null and ${staffAccounts.role} = ${role} and ${staffAccounts.sessionVersion} = ${sessionVersion})`,
    })
    .from(authSessions)
    .where(eq(authSessions.id, sid));
  if (!row || row.role !== role || (role === 'patient' ? row.accountId : row.staffId) !== id) return { ok: false, reason: 'ended' };
  if (row.endedAt)
    return {
      ok: false,
      reason: (row.endReason as SessionEnd | null) === 'idle' || row.endReason === 'absolute' ? (row.endReason as SessionEnd) : 'ended',
    };
  if (!row.current) return { ok: false, reason: 'ended' };
  // The admin area asks two factors while they are required (a passkey with user verification is
  // both): however a staff session came to be, one without them does not open it.
  if (role !== 'patient' && env.STAFF_MFA === 'required' && !isMultiFactor(row.amr)) return { ok: false, reason: 'ended' };
  const limits = sessionLimits(role);
  const ended: SessionEnd | null =
    now.getTime() - row.createdAt.getTime() > limits.absoluteMs
      ? 'absolute'
      : now.getTime() - row.lastSeenAt.getTime() > limits.idleMs
        ? 'idle'
        : null;
  if (ended) {
    if ((await endSession(db, sid, ended)) && onTimeout) await onTimeout(ended);
    return { ok: false, reason: ended };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > Math.min(15_000, limits.idleMs / 10)) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sid));
  }
  return { ok: true };
}

/** Ends one session; the first reason recorded wins. */
export async function endSession(db: Db, sid: string, reason: SessionEnd | 'signed_out'): Promise<boolean> {
  if (!isUuid(sid)) return false;
  const rows = await db
    .update(authSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(authSessions.id, sid), isNull(authSessions.endedAt)))
    .returning({ id: authSessions.id });
  return rows.length === 1;
}

/** Ends every session of the principal, except `keep` when given ("sign out everywhere else"). */
export async function endAllSessions(db: Db, id: string, role: Role, reason: string, keep?: string): Promise<number> {
  const column = role === 'patient' ? authSessions.accountId : authSessions.staffId;
  const rows = await db
    .update(authSessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(column, id), isNull(authSessions.endedAt), keep ? ne(authSessions.id, keep) : undefined))
    .returning({ id: authSessions.id });
  return rows.length;
}

/** Seconds of inactivity the role allows, for the page's "you will be signed out" warning. */
export function idleSeconds(role: Role): number {
  return Math.round(sessionLimits(role).idleMs / 1000);
}
