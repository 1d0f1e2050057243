// The client's address, for rate limits and records (SPEC §12): the entry of X-Forwarded-For
// that the nearest trusted proxy added, never a value the client wrote itself.
//
// A reverse proxy (nginx `$proxy_add_x_forwarded_for`) appends the address it saw to whatever
// the client sent, so only entries counted from the RIGHT are trustworthy: with
// TRUSTED_PROXY_HOPS = n, the n-th entry from the right is the address that the outermost of
// our n proxies saw. Everything further left came from the client and is ignored.
//
// TRUSTED_PROXY_HOPS = 0 (no proxy) trusts no header at all: `next start` keeps an
// X-Forwarded-For sent by the client and fills it from the socket only when it is missing
// (next/dist/server/base-server.js, `x-forwarded-for ??= socket.remoteAddress`), so the two
// cannot be told apart here. The address is then unknown (null): every per-address limit is
// one shared bucket and records carry no address.
import { isIP } from 'node:net';
import { env } from '@/lib/env';

/** The client's address as the nearest trusted proxy saw it; null when unknown. */
export function clientIp(headers: Headers): string | null {
  return forwardedClient(headers.get('x-forwarded-for'), env.TRUSTED_PROXY_HOPS);
}

/**
 * The entry `hops` places from the right of an X-Forwarded-For value. When the header has
 * fewer entries than `hops`, the leftmost: then every entry was added by one of our proxies
 * (the request entered the chain part-way), so the leftmost is still a proxy's view and not the
 * client's word. An entry that is not an IP address gives null: skipping it would hand the
 * choice to the client-written entries on its left.
 */
export function forwardedClient(header: string | null | undefined, hops: number): string | null {
  if (!header || !Number.isInteger(hops) || hops < 1) return null;
  const entries = header.split(',');
  const entry = entries[Math.max(0, entries.length - hops)]!;
  return normalizeAddress(entry);
}

/** A canonical form of one address (`[v6]:port`, `v4:port`, `::ffff:v4`, zones, case), or null. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  if (value.length === 0 || value.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : null;
}
