// The owner's passkeys: listed for their settings, looked for by the second-factor rules, removed
// one at a time (never the last factor while one is required).
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mfaFactors, passkeys, type PasskeyDeviceType } from '@/db/schema';
import { isUuid } from '@/lib/uuid';
import { recordPasskeyEvent } from './events';
import { ownerColumn, type PasskeyOwner } from './owners';

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  deviceType: PasskeyDeviceType;
  backedUp: boolean;
}

export async function listPasskeys(db: Db, owner: PasskeyOwner): Promise<PasskeySummary[]> {
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      deviceType: passkeys.deviceType,
      backedUp: passkeys.backedUp,
    })
    .from(passkeys)
    .where(eq(ownerColumn(owner), owner.id))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function hasPasskey(db: Db, owner: PasskeyOwner): Promise<boolean> {
  const [row] = await db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(ownerColumn(owner), owner.id))
    .limit(1);
  return !!row;
}

export type RemoveResult = { ok: true } | { ok: false; reason: 'not_found' | 'last_factor' };

/**
 * Removes one of the owner's passkeys. While a second factor is required (`mfaRequired`), the
 * last one is refused unless a confirmed TOTP factor remains. The owner's passkeys are locked
 * first, so two removals at once cannot each leave the other as "the one that remains".
 */
export async function removePasskey(
  db: Db,
  owner: PasskeyOwner,
  passkeyId: string,
  options: { mfaRequired: boolean },
): Promise<RemoveResult> {
  if (typeof passkeyId !== 'string' || !isUuid(passkeyId)) return { ok: false, reason: 'not_found' };
  return db.transaction(async (tx) => {
    const keys = await tx
      .select({ id: passkeys.id, name: passkeys.name })
      .from(passkeys)
      .where(eq(ownerColumn(owner), owner.id))
      .for('update');
    const target = keys.find((k) => k.id === passkeyId.toLowerCase());
    if (!target) return { ok: false, reason: 'not_found' } as const;
    if (options.mfaRequired && keys.length === 1) {
      const totpOwner = owner.kind === 'staff' ? mfaFactors.staffId : mfaFactors.accountId;
      const [totp] = await tx
        .select({ id: mfaFactors.id })
        .from(mfaFactors)
        .where(and(eq(totpOwner, owner.id), isNotNull(mfaFactors.confirmedAt)))
        .for('share');
      if (!totp) return { ok: false, reason: 'last_factor' } as const;
    }
    await tx.delete(passkeys).where(eq(passkeys.id, target.id));
    await recordPasskeyEvent(tx, owner, 'passkey.removed', { passkeyId: target.id, name: target.name });
    return { ok: true } as const;
  });
}
