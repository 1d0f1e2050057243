// The person login.gov.pl answered for, held on the server until the registration form is sent
// (never trusted from the form): the browser keeps only a random handle, whose SHA-256 finds the
// row of wk_requests; the registration spends it.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, wkRequests } from '@/db/schema';
import { countIdentityNode } from '@/lib/metrics';

/** How long the node's answer waits for the registration form to be sent. */
const HANDLE_TTL_MS = 15 * 60_000;

/** What the node told us about the person, as the pages and the registration need it. */
export interface NodeIdentity {
  pesel: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  loa: string;
  means: string | null;
}

const hashHandle = (handle: string) => createHash('sha256').update(handle).digest('hex');

/**
 * The node's answer kept on the server for the registration form (never trusted from the form):
 * the browser gets a random handle, whose SHA-256 finds the row.
 */
export async function holdForRegistration(
  db: Db,
  requestId: string,
  person: NodeIdentity,
  kind: 'register' | 'no-account',
): Promise<{ kind: 'register' | 'no-account'; handle: string }> {
  const handle = randomBytes(32).toString('base64url');
  await db
    .update(wkRequests)
    .set({
      identity: { ...person, means: person.means ?? '' },
      handleHash: hashHandle(handle),
      expiresAt: new Date(Date.now() + HANDLE_TTL_MS),
    })
    .where(eq(wkRequests.id, requestId));
  await db.insert(auditLog).values({ action: 'wk.identity_held', details: { purpose: kind, loa: person.loa, means: person.means } });
  if (kind === 'register') countIdentityNode('register', 'success');
  return { kind, handle };
}

/** The identity held for a registration form, while the handle is unused and fresh. */
export async function heldIdentity(db: Db, handle: string | undefined, now = new Date()): Promise<NodeIdentity | null> {
  if (!handle || handle.length > 100) return null;
  const [row] = await db
    .select({ identity: wkRequests.identity })
    .from(wkRequests)
    .where(and(eq(wkRequests.handleHash, hashHandle(handle)), isNull(wkRequests.handleUsedAt), gt(wkRequests.expiresAt, now)));
  const held = row?.identity;
  if (!held?.pesel) return null;
  return {
    pesel: held.pesel,
    firstName: held.firstName ?? '',
    lastName: held.lastName ?? '',
    birthDate: held.birthDate ?? '',
    loa: held.loa ?? '',
    means: held.means || null,
  };
}

/** Marks the held identity used (the registration it fed was created); false when it was used already. */
export async function spendHeldIdentity(db: Db, handle: string, now = new Date()): Promise<boolean> {
  const spent = await db
    .update(wkRequests)
    .set({ handleUsedAt: now, identity: null })
    .where(and(eq(wkRequests.handleHash, hashHandle(handle)), isNull(wkRequests.handleUsedAt)))
    .returning({ id: wkRequests.id });
  return spent.length === 1;
}
