// Checking a login and password, for patients and staff alike (one /login). Every path costs
// one argon2 verification, so the answer's timing does not tell whether a login exists.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/db/rows';
import { mfaFactors, passkeys, rateLimits, signinThrottles, staffAccounts, webAccounts, type StaffRole } from '@/db/schema';
import { announceSignInLockLater } from '@/lib/account/sign-in-lock';
import { admitAttempt, loginKey } from '@/lib/security/account-throttle';
import { consume, limitKey, peekEach, type LimitResult } from '@/lib/security/rate-limit';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password-hash';

export type Role = 'patient' | StaffRole;

export type AuthenticateResult =
  | {
      ok: true;
      id: string;
      role: Role;
      sessionVersion: number;
      /** A confirmed second factor is set up: the sign-in goes on to the code step. */
      secondFactor: boolean;
    }
  | { ok: false; reason: 'invalid' | 'blocked' };

const invalid = { ok: false, reason: 'invalid' } as const;

type LoginRow = {
  kind: 'staff' | 'patient';
  id: string;
  role: string;
  password_hash: string | null;
  disabled: boolean;
  session_version: number | string;
  status: string | null;
  second_factor: boolean;
};

export async function authenticate(db: Db, login: string, password: string): Promise<AuthenticateResult> {
  if (login.length > 64 || password.length > 1024) {
    await verifyAgainstDummy(password.slice(0, 128));
    return invalid;
  }
  const name = login.trim();
  // Staff and patient logins never collide: registration and the staff CLI check both tables.
  // One statement looks in both (a staff row would win) and asks whether the owner has a
  // confirmed second factor (lib/auth/mfa.ts `hasSecondFactor`), which the next step needs. A
  // staff member's passkey is one too (the step after the password takes it instead of a code); a
  // patient's is a way to sign in instead of the password, not a second step after it.
  const rows = rowsOf<LoginRow>(
    await db.execute(sql`
      (select 'staff' as kind, s.id, s.role::text as role, s.password_hash, s.disabled_at is not null as disabled, s.session_version,
              null::text as status,
              (exists (select 1 from ${mfaFactors} f where f.staff_id = s.id and f.confirmed_at is not null)
                or exists (select 1 from ${passkeys} k where k.staff_id = s.id)) as second_factor
         from ${staffAccounts} s where s.login = ${name} limit 1)
      union all
      (select 'patient', a.id, 'patient', a.password_hash, false, a.session_version, a.status::text,
              exists (select 1 from ${mfaFactors} f where f.account_id = a.id and f.confirmed_at is not null)
         from ${webAccounts} a where a.login = ${name} limit 1)`),
  );
  const staff = rows.find((row) => row.kind === 'staff');
  if (staff) {
    if (!(await verifyPassword(staff.password_hash!, password))) return invalid;
    if (staff.disabled) return { ok: false, reason: 'blocked' };
    if (needsRehash(staff.password_hash!)) {
      await db
        .update(staffAccounts)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(staffAccounts.id, staff.id));
    }
    return {
      ok: true,
      id: staff.id,
      role: staff.role as StaffRole,
      sessionVersion: Number(staff.session_version),
      secondFactor: staff.second_factor,
    };
  }

  const row = rows[0];
  const account = row && {
    id: row.id,
    status: row.status!,
    passwordHash: row.password_hash,
    sessionVersion: Number(row.session_version),
    secondFactor: row.second_factor,
  };
  if (!account) {
    await verifyAgainstDummy(password);
    return invalid;
  }
  // Not activated yet: there is no password to check, so any password would be told apart from
  // a wrong one. The answer is the generic one; /login offers the activation link to everyone.
  if (!account.passwordHash) {
    await verifyAgainstDummy(password);
    return invalid;
  }
  if (!(await verifyPassword(account.passwordHash, password))) return invalid;
  if (account.status === 'blocked') return { ok: false, reason: 'blocked' };
  if (needsRehash(account.passwordHash)) {
    // Hashes made with older, weaker parameters are replaced while we know the password.
    await db
      .update(webAccounts)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(webAccounts.id, account.id));
  }
  return { ok: true, id: account.id, role: 'patient', sessionVersion: account.sessionVersion, secondFactor: account.secondFactor };
}

export type SignInResult = AuthenticateResult | { ok: false; reason: 'limited'; retryAfterSeconds: number };

/**
 * Sign-in with brute-force limits: consecutive failures per login and address, failures per
 * address a day, and consecutive failures per account from any address (growing waits, then a
 * temporary lock of sign-in by password whose owner is emailed; lib/security/account-throttle.ts).
 * A limited attempt still costs a full hash check, so it looks like any other; an unknown login
 * is counted and locked exactly like a real one.
 */
export async function signInWithLimits(
  db: Db,
  login: string,
  password: string,
  ip: string | null,
  options: { now?: Date } = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const perLogin = `${login.trim().slice(0, 64)}|${ip ?? ''}`;
  const [byLogin, byIp] = (await peekEach(db, [
    ['signinLogin', perLogin],
    ['signinIp', ip],
  ])) as [LimitResult, LimitResult];
  // Only an attempt the address limits let through is counted against the account.
  const byAccount = byLogin.ok && byIp.ok ? await admitAttempt(db, login, now) : null;
  const limited = !byLogin.ok ? byLogin : !byIp.ok ? byIp : byAccount && !byAccount.ok ? byAccount : null;
  if (limited) {
    await verifyAgainstDummy(password.slice(0, 128));
    return { ok: false, reason: 'limited', retryAfterSeconds: limited.retryAfterSeconds };
  }
  const result = await authenticate(db, login, password);
  if (result.ok) {
    // Both failure counts start again, in one statement: the login-and-address limit's counter
    // (rate-limit.ts `reset`) and the account's consecutive failures (account-throttle.ts `clearFailures`).
    await db.execute(sql`
      with cleared as (delete from ${rateLimits} where key = ${limitKey('signinLogin', perLogin)})
      delete from ${signinThrottles} where login_key = ${loginKey(login)}`);
  } else if (result.reason === 'invalid') await Promise.all([consume(db, 'signinLogin', perLogin), consume(db, 'signinIp', ip)]);
  if (!result.ok && byAccount?.ok && byAccount.locksNow && byAccount.lockedUntil) {
    await announceSignInLockLater(db, login, byAccount.lockedUntil, ip);
  }
  return result;
}
