// Registration attempts refused for a data conflict, as the desk reviews them. They are kept
// RETENTION_BLOCKED_ATTEMPTS_DAYS (lib/retention/retention.ts deletes older ones); the list
// shows the same window, so a row waiting for the next retention run is not shown either.
import { desc, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { blockedRegistrations } from '@/db/schema';
import { env } from '@/lib/env';

export function listBlockedRegistrations(db: Db, limit = 100) {
  return db
    .select()
    .from(blockedRegistrations)
    .where(sql`${blockedRegistrations.createdAt} > now() - make_interval(days => ${env.RETENTION_BLOCKED_ATTEMPTS_DAYS})`)
    .orderBy(desc(blockedRegistrations.createdAt))
    .limit(limit);
}
