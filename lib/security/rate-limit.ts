// Rate limits (rate-limiter-flexible) whose counters live in PostgreSQL, so every app instance
// counts together. Keys are hashed: no address, login or email is stored in clear.
import { createHash } from 'node:crypto';
import { and, gt, inArray, isNull, or } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { env } from '@/lib/env';
import { countRateLimitRefusal } from '@/lib/metrics';

export type LimitName =
  'register' | 'captcha' | 'signinLogin' | 'signinIp' | 'linksAddress' | 'linksIp' | 'mfaAccount' | 'wkStart' | 'passkey';

function options(name: LimitName) {
  switch (name) {
    case 'register':
      return { points: env.RATE_LIMIT_REGISTER_PER_IP_HOUR, duration: 3600 };
    case 'captcha':
      return { points: env.RATE_LIMIT_CAPTCHA_PER_IP_15MIN, duration: 900 };
    case 'signinLogin':
      // Consecutive failures: the counter is deleted on success.
      return { points: env.RATE_LIMIT_SIGNIN_FAILURES_PER_LOGIN, duration: 3600, blockDuration: env.RATE_LIMIT_SIGNIN_BLOCK_MINUTES * 60 };
    case 'signinIp':
      return { points: env.RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY, duration: 86_400, blockDuration: 86_400 };
    case 'linksAddress':
      return { points: env.RATE_LIMIT_LINKS_PER_ADDRESS_HOUR, duration: 3600 };
    case 'linksIp':
      return { points: env.RATE_LIMIT_LINKS_PER_IP_HOUR, duration: 3600 };
    case 'wkStart':
      // Each start writes a request row and signs an AuthnRequest: a script must not run it in a loop.
      return { points: env.RATE_LIMIT_WK_PER_IP_15MIN, duration: 900 };
    case 'passkey':
      // Each start of adding a passkey stores a challenge: a script must not fill the table.
      return { points: env.RATE_LIMIT_PASSKEY_PER_IP_15MIN, duration: 900 };
    case 'mfaAccount':
      // Wrong codes at the second step, per account: 5 leave 1 in 200 000 of guessing a code.
      return { points: env.RATE_LIMIT_MFA_FAILURES_PER_ACCOUNT, duration: 900, blockDuration: 900 };
  }
}

const cache = new WeakMap<Db, Map<LimitName, RateLimiterDrizzle>>();

function limiter(db: Db, name: LimitName): RateLimiterDrizzle {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map<LimitName, RateLimiterDrizzle>()));
  let found = perDb.get(name);
  if (!found) {
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: name,
      clearExpiredByTimeout: false,
      ...options(name),
    });
    perDb.set(name, found);
  }
  return found;
}

const key = (value: string) => createHash('sha256').update(value.toLowerCase()).digest('base64url').slice(0, 32);

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one attempt; refuses when the limit for this key is used up. */
export async function consume(db: Db, name: LimitName, subject: string | null): Promise<LimitResult> {
  const k = key(subject ?? 'unknown');
  try {
    const res = await limiter(db, name).consume(k);
    // The attempt that uses up the limit starts the block (callers peek before trying again).
    const { blockDuration } = options(name) as { blockDuration?: number };
    if (blockDuration && res.remainingPoints === 0) await limiter(db, name).block(k, blockDuration);
    return { ok: true };
  } catch (result) {
    if (result instanceof RateLimiterRes) countRateLimitRefusal(name);
    if (result instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    throw result;
  }
}

/** The row of `subject` under limit `name` in rate_limits (as rate-limiter-flexible stores it). */
export const limitKey = (name: LimitName, subject: string | null) => `${name}:${key(subject ?? 'unknown')}`;

/** Whether the key is currently limited, without counting an attempt. */
export async function peek(db: Db, name: LimitName, subject: string | null): Promise<LimitResult> {
  const [result] = await peekEach(db, [[name, subject]]);
  return result!;
}

/**
 * `peek` of several limits in one statement (what rate-limiter-flexible's `get` reads: the
 * counter while it has not expired), in the order asked.
 */
export async function peekEach(db: Db, checks: Array<[LimitName, string | null]>): Promise<LimitResult[]> {
  const now = new Date();
  const keys = checks.map(([name, subject]) => limitKey(name, subject));
  const rows = await db
    .select({ key: rateLimits.key, points: rateLimits.points, expire: rateLimits.expire })
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys), or(gt(rateLimits.expire, now), isNull(rateLimits.expire))));
  const found = new Map(rows.map((row) => [row.key, row]));
  return checks.map(([name], i) => {
    const row = found.get(keys[i]!);
    if (!row || row.points < options(name).points) return { ok: true };
    countRateLimitRefusal(name);
    const msBeforeNext = row.expire ? Math.max(row.expire.getTime() - Date.now(), 0) : -1;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
  });
}

export async function reset(db: Db, name: LimitName, subject: string | null): Promise<void> {
  await limiter(db, name).delete(key(subject ?? 'unknown'));
}
