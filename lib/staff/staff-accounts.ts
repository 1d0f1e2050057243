// Staff accounts (SPEC §11): separate from patients, created by the CLI, never with a default
// password in production.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, mfaFactors, passkeys, staffAccounts, webAccounts, type StaffRole } from '@/db/schema';
import { checkPassword, type PasswordRule } from '@/lib/password-policy';
import { isCommonPassword } from '@/lib/auth/password-check';
import { hashPassword } from '@/lib/auth/password-hash';
import { uniqueViolation } from '@/lib/db-errors';
import { withoutBidiControls } from '@/lib/text';

export type StaffResult = { ok: true; id: string } | { ok: false; error: string };

const LOGIN = /^[A-Za-z0-9._-]{3,32}$/;

/** Staff passwords follow the strong rules and are at least 12 characters. */
function staffPasswordProblems(password: string, login: string): PasswordRule[] {
  const broken = checkPassword(password, { policy: 'strong', login, isCommon: isCommonPassword });
  if (Array.from(password).length < 12 && !broken.includes('minLength')) broken.unshift('minLength');
  return broken;
}

export async function addStaff(db: Db, params: { login: string; name: string; role: StaffRole; password: string }): Promise<StaffResult> {
  const login = params.login.trim();
  const name = withoutBidiControls(params.name).trim();
  if (!LOGIN.test(login)) return { ok: false, error: 'login: 3–32 letters, digits, . _ -' };
  if (name === '' || name.length > 100) return { ok: false, error: 'name: required, at most 100 characters' };
  const problems = staffPasswordProblems(params.password, login);
  if (problems.length > 0) return { ok: false, error: `password breaks: ${problems.join(', ')} (strong rules, 12+ characters)` };
  const [patient] = await db.select({ id: webAccounts.id }).from(webAccounts).where(eq(webAccounts.login, login));
  if (patient) return { ok: false, error: 'login: already used by a patient account' };
  try {
    const [row] = await db
      .insert(staffAccounts)
      .values({ login, name, role: params.role, passwordHash: await hashPassword(params.password) })
      .returning({ id: staffAccounts.id });
    return { ok: true, id: row!.id };
  } catch (error) {
    if (uniqueViolation(error)) return { ok: false, error: 'login: already exists' };
    throw error;
  }
}

export function listStaff(db: Db) {
  return db
    .select({
      id: staffAccounts.id,
      login: staffAccounts.login,
      name: staffAccounts.name,
      role: staffAccounts.role,
      disabledAt: staffAccounts.disabledAt,
      createdAt: staffAccounts.createdAt,
      // A join, not a correlated subquery in sql``: Drizzle writes a single-table select's
      // columns without their table, so `mfa_factors.staff_id = id` would compare two columns
      // of mfa_factors. A staff member has at most one factor (a unique index), so no row doubles.
      mfa: sql<boolean>`${mfaFactors.confirmedAt} is not null`,
    })
    .from(staffAccounts)
    .leftJoin(mfaFactors, eq(mfaFactors.staffId, staffAccounts.id))
    .orderBy(asc(staffAccounts.login));
}

/** Disables the account and ends its sessions. */
export async function disableStaff(db: Db, login: string): Promise<StaffResult> {
  const [row] = await db
    .update(staffAccounts)
    .set({ disabledAt: new Date(), sessionVersion: sql`${staffAccounts.sessionVersion} + 1` })
    .where(eq(staffAccounts.login, login.trim()))
    .returning({ id: staffAccounts.id });
  return row ? { ok: true, id: row.id } : { ok: false, error: 'no such staff login' };
}

/** Sets a new password, re-enables the account and ends its sessions. */
export async function resetStaffPassword(db: Db, login: string, password: string): Promise<StaffResult> {
  const problems = staffPasswordProblems(password, login.trim());
  if (problems.length > 0) return { ok: false, error: `password breaks: ${problems.join(', ')} (strong rules, 12+ characters)` };
  const [row] = await db
    .update(staffAccounts)
    .set({ passwordHash: await hashPassword(password), disabledAt: null, sessionVersion: sql`${staffAccounts.sessionVersion} + 1` })
    .where(eq(staffAccounts.login, login.trim()))
    .returning({ id: staffAccounts.id });
  return row ? { ok: true, id: row.id } : { ok: false, error: 'no such staff login' };
}

export async function staffName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: staffAccounts.name }).from(staffAccounts).where(eq(staffAccounts.id, id));
  return row?.name ?? null;
}

export async function staffLogin(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ login: staffAccounts.login }).from(staffAccounts).where(eq(staffAccounts.id, id));
  return row?.login ?? null;
}

/**
 * A lost phone or key: removes the staff member's second factors (the code and every passkey) and
 * ends their sessions; the next sign-in enrols a new one. Audited (no staff member acted: the CLI runs on the server).
 */
export async function resetStaffMfa(db: Db, login: string): Promise<StaffResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffAccounts)
      .set({ sessionVersion: sql`${staffAccounts.sessionVersion} + 1` })
      .where(eq(staffAccounts.login, login.trim()))
      .returning({ id: staffAccounts.id });
    if (!row) return { ok: false, error: 'no such staff login' } as const;
    const removed = await tx.delete(mfaFactors).where(eq(mfaFactors.staffId, row.id)).returning({ id: mfaFactors.id });
    // A lost security key is the same case as a lost phone: every second factor goes.
    const keys = await tx.delete(passkeys).where(eq(passkeys.staffId, row.id)).returning({ id: passkeys.id });
    await tx.insert(auditLog).values({
      staffId: row.id,
      action: 'staff.mfa_reset',
      details: { via: 'cli', hadFactor: removed.length > 0, passkeysRemoved: keys.length },
    });
    return { ok: true, id: row.id } as const;
  });
}
