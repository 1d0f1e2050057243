// Failed sign-ins counted per account from any address (NIST SP 800-63B rev 4, 5.2.2), keyed by
// the normalised login so that unknown logins are throttled exactly like real ones. After
// DELAY_AFTER consecutive failures each attempt must wait 1 s, 2 s, 4 s … (capped) after the
// previous one; the attempt that reaches LOCK_AFTER locks sign-in by password for LOCK_HOURS,
// and each failure after such a lock ends locks it again. The 100th consecutive failure (NIST's
// ceiling) locks it until lifted. A success clears the count; a password set with an emailed
// link, the desk and the staff CLI lift a lock. Counters live in PostgreSQL (signin_throttles),
// shared by every app instance.
import { createHash } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signinThrottles } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * Trimmed, compatibility-folded and lower-cased: every spelling the database's
 * case-insensitive login lookup could match lands on the same counter (folding too much only
 * puts more spellings on one counter, never lets one escape it).
 */
export function normaliseLogin(login: string): string {
  return login.trim().normalize('NFKC').toLowerCase();
}

/** The counter's key: a hash, so no login (or typo of a password in the login field) is stored. */
export function loginKey(login: string): string {
  return createHash('sha256')
    .update(`signin-account|${normaliseLogin(login)}`)
    .digest('base64url')
    .slice(0, 32);
}

/** NIST SP 800-63B: never more than 100 consecutive failed attempts on one account. */
const MAX_CONSECUTIVE_FAILURES = 100;

/** The end of a lock that lasts until someone lifts it (a date every driver and Date can hold). */
export const UNTIL_LIFTED = new Date('9999-12-31T00:00:00Z');

export const isUntilLifted = (lockedUntil: Date) => lockedUntil.getTime() >= UNTIL_LIFTED.getTime();

function throttleSettings() {
  return {
    delayAfter: env.RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_AFTER,
    delayMaxSeconds: env.RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_MAX_SECONDS,
    lockAfter: env.RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_AFTER,
    lockSeconds: Math.round(env.RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_HOURS * 3600),
    forgetSeconds: Math.round(env.RATE_LIMIT_SIGNIN_ACCOUNT_FORGET_DAYS * 86_400),
  };
}

export type AdmitResult =
  | {
      ok: true;
      /** This attempt locked the account: if its password is wrong too, tell the owner. */ locksNow: boolean;
      lockedUntil: Date | null;
    }
  | { ok: false; retryAfterSeconds: number };

type Row = { admitted: boolean; failures: number; locked_until_ms: number | string | null; wait_ms: number | string | null };

// postgres.js returns the rows themselves, PGlite an object holding them.
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

/**
 * Admits one sign-in attempt on `login`, or refuses it while the account waits or is locked.
 * One statement: an admitted attempt is counted as a failure at once, under the row's lock, so
 * that attempts racing each other can never together get more password checks than the limits
 * allow; `clearFailures` takes the count back when the password was right.
 */
export async function admitAttempt(db: Db, login: string, now = new Date()): Promise<AdmitResult> {
  const s = throttleSettings();
  const key = loginKey(login);
  const at = sql`${now.toISOString()}::timestamptz`;
  const secs = (n: number | ReturnType<typeof sql>) => sql`((${n}) * interval '1 second')`;
  // The wait after the previous attempt once there are `n` (≥ delayAfter) consecutive failures.
  const wait = (n: ReturnType<typeof sql>) =>
    secs(sql`least(power(2::float8, least(${n} - ${s.delayAfter}, 40)), ${s.delayMaxSeconds}::float8)`);
  const lockUntil = (n: ReturnType<typeof sql> | number) =>
    sql`(case when ${n} >= ${MAX_CONSECUTIVE_FAILURES} then ${UNTIL_LIFTED.toISOString()}::timestamptz
              when ${n} >= ${s.lockAfter} then ${at} + ${secs(s.lockSeconds)} end)`;
  const expires = (n: ReturnType<typeof sql> | number) => sql`greatest(${at} + ${secs(s.forgetSeconds)}, ${lockUntil(n)})`;
  const next = sql`(case when t.expires_at <= ${at} then 1 else t.failures + 1 end)`;
  const result = await db.execute(sql`
    with admitted as (
      insert into signin_throttles as t (login_key, failures, last_attempt_at, locked_until, expires_at)
      values (${key}, 1, ${at}, ${lockUntil(1)}, ${expires(1)})
      on conflict (login_key) do update set
        failures = ${next},
        last_attempt_at = ${at},
        locked_until = ${lockUntil(next)},
        expires_at = ${expires(next)}
      where t.expires_at <= ${at}
        or (coalesce(t.locked_until, '-infinity') <= ${at}
            and (t.failures < ${s.delayAfter} or t.last_attempt_at + ${wait(sql`t.failures`)} <= ${at}))
      returning t.failures, t.locked_until
    )
    select true as admitted, a.failures, (extract(epoch from a.locked_until) * 1000)::float8 as locked_until_ms,
           null::float8 as wait_ms
      from admitted a
    union all
    select false, t.failures, null,
           -- A lock until lifted is told as a wait of LOCK_HOURS, like any other lock.
           (least(extract(epoch from (case when t.locked_until > ${at} then t.locked_until
                                           else t.last_attempt_at + ${wait(sql`t.failures`)} end) - ${at}),
                  ${s.lockSeconds}) * 1000)::float8
      from signin_throttles t
     where t.login_key = ${key} and not exists (select 1 from admitted)`);
  const [row] = rowsOf<Row>(result);
  // Refused by a competing attempt's row that this statement's snapshot could not see yet.
  if (!row) return { ok: false, retryAfterSeconds: 1 };
  if (!row.admitted) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.wait_ms ?? 0) / 1000)) };
  const lockedUntil = row.locked_until_ms === null ? null : new Date(Number(row.locked_until_ms));
  return { ok: true, locksNow: lockedUntil !== null, lockedUntil };
}

/** The password was right: the account's consecutive failures start again from zero. */
export async function clearFailures(db: Db, login: string): Promise<void> {
  await db.delete(signinThrottles).where(eq(signinThrottles.loginKey, loginKey(login)));
}

export interface SignInLock {
  lockedUntil: Date;
  failures: number;
}

/** The lock of sign-in by password on `login`, if one is in force. */
export async function signInLockOf(db: Db, login: string, now = new Date()): Promise<SignInLock | null> {
  const [row] = await db
    .select({ lockedUntil: signinThrottles.lockedUntil, failures: signinThrottles.failures })
    .from(signinThrottles)
    .where(and(eq(signinThrottles.loginKey, loginKey(login)), gt(signinThrottles.lockedUntil, now), gt(signinThrottles.expiresAt, now)));
  return row?.lockedUntil ? { lockedUntil: row.lockedUntil, failures: row.failures } : null;
}

/**
 * Lifts the lock and forgets the failures of `login` (in the caller's transaction); returns the
 * lock that was in force, or null when there was none.
 */
export async function liftSignInLock(tx: Db, login: string, now = new Date()): Promise<SignInLock | null> {
  const [row] = await tx
    .delete(signinThrottles)
    .where(eq(signinThrottles.loginKey, loginKey(login)))
    .returning({ lockedUntil: signinThrottles.lockedUntil, failures: signinThrottles.failures, expiresAt: signinThrottles.expiresAt });
  return row?.lockedUntil && row.lockedUntil > now && row.expiresAt > now ? { lockedUntil: row.lockedUntil, failures: row.failures } : null;
}

/** Forgotten counters (and ended locks) are deleted now and then. */
export async function purgeExpiredThrottles(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .delete(signinThrottles)
    .where(sql`${signinThrottles.expiresAt} <= ${now.toISOString()}::timestamptz`)
    .returning({ key: signinThrottles.loginKey });
  return rows.length;
}
