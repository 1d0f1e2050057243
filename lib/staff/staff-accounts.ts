// Staff accounts (SPEC §11): separate from patients, created by the CLI, never with a default
// password in production.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { staffAccounts, webAccounts, type StaffRole } from '@/db/schema';
import { checkPassword, type PasswordRule } from '@/lib/password-policy';
import { isCommonPassword } from '@/lib/auth/password-check';
import { hashPassword } from '@/lib/auth/password-hash';
import { uniqueViolation } from '@/lib/db-errors';

export type StaffResult = { ok: true; id: string } | { ok: false; error: string };

const LOGIN = /^[A-Za-z0-9._-]{3,32}$/;

/** Staff passwords follow the strong rules and are at least 12 characters. */
export function staffPasswordProblems(password: string, login: string): PasswordRule[] {
  const broken = checkPassword(password, { policy: 'strong', login, isCommon: isCommonPassword });
  if (Array.from(password).length < 12 && !broken.includes('minLength')) broken.unshift('minLength');
  return broken;
}

export async function addStaff(db: Db, params: { login: string; name: string; role: StaffRole; password: string }): Promise<StaffResult> {
  const login = params.login.trim();
  if (!LOGIN.test(login)) return { ok: false, error: 'login: 3–32 letters, digits, . _ -' };
  if (params.name.trim() === '' || params.name.length > 100) return { ok: false, error: 'name: required, at most 100 characters' };
  const problems = staffPasswordProblems(params.password, login);
  if (problems.length > 0) return { ok: false, error: `password breaks: ${problems.join(', ')} (strong rules, 12+ characters)` };
  const [patient] = await db.select({ id: webAccounts.id }).from(webAccounts).where(sql`lower(${webAccounts.login}) = lower(${login})`);
  if (patient) return { ok: false, error: 'login: already used by a patient account' };
  try {
    const [row] = await db
      .insert(staffAccounts)
      .values({ login, name: params.name.trim(), role: params.role, passwordHash: await hashPassword(params.password) })
      .returning({ id: staffAccounts.id });
    return { ok: true, id: row!.id };
  } catch (error) {
    if (uniqueViolation(error)) return { ok: false, error: 'login: already exists' };
    throw error;
  }
}

export function listStaff(db: Db) {
  return db
    .select({ login: staffAccounts.login, name: staffAccounts.name, role: staffAccounts.role, disabledAt: staffAccounts.disabledAt, createdAt: staffAccounts.createdAt })
    .from(staffAccounts)
    .orderBy(asc(staffAccounts.login));
}

/** Disables the account and ends its sessions. */
export async function disableStaff(db: Db, login: string): Promise<StaffResult> {
  const [row] = await db
    .update(staffAccounts)
    .set({ disabledAt: new Date(), sessionVersion: sql`${staffAccounts.sessionVersion} + 1` })
    .where(sql`lower(${staffAccounts.login}) = lower(${login.trim()})`)
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
    .where(sql`lower(${staffAccounts.login}) = lower(${login.trim()})`)
    .returning({ id: staffAccounts.id });
  return row ? { ok: true, id: row.id } : { ok: false, error: 'no such staff login' };
}

export async function staffName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: staffAccounts.name }).from(staffAccounts).where(eq(staffAccounts.id, id));
  return row?.name ?? null;
}
