// The bearer-token check of /api/metrics, in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

// Compared as hashes: equal lengths for timingSafeEqual, and nothing learnt from timing.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether an Authorization header carries exactly `token` as a bearer token. */
export function bearerTokenMatches(header: string | null, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1] ?? '';
  const same = timingSafeEqual(digest(given), digest(token));
  return same && given.length > 0;
}
