// Re-entering the password before a sensitive change (password, email, erasure). Checked exactly
// like a sign-in, through the same limits, so the settings page is no way around them.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webAccounts } from '@/db/schema';
import { signInWithLimits } from '@/lib/auth/authenticate';

export type CurrentPasswordCheck =
  { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'limited'; retryAfterSeconds: number };

export async function checkCurrentPassword(db: Db, accountId: string, password: string, ip: string | null): Promise<CurrentPasswordCheck> {
  const [account] = await db.select({ login: webAccounts.login }).from(webAccounts).where(eq(webAccounts.id, accountId));
  if (!account || password === '') return { ok: false, reason: 'wrong' };
  const result = await signInWithLimits(db, account.login, password, ip);
  if (result.ok) return result.role === 'patient' && result.id === accountId ? { ok: true } : { ok: false, reason: 'wrong' };
  if (result.reason === 'limited') return { ok: false, reason: 'limited', retryAfterSeconds: result.retryAfterSeconds };
  return { ok: false, reason: 'wrong' };
}
