// The second factor: TOTP (RFC 6238, 6 digits, 30 s) with single-use recovery codes, for staff
// (required in production) and for patients who switch it on. A code is accepted once: the
// accepted time step is stored and only a later one counts (a conditional UPDATE, so two
// requests racing with one code cannot both win).
import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Db } from '@/db/client';
import { mfaFactors, mfaRecoveryCodes } from '@/db/schema';
import { env } from '@/lib/env';
import { decryptSecret, encryptSecret, mfaKey } from './mfa-crypto';

export type MfaOwner = { kind: 'staff' | 'patient'; id: string };

const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'E-Rejestracja';
// One step either side: a phone whose clock is a little off still works.
const TOLERANCE_SECONDS = 30;

let cachedKey: { material: string; key: Buffer } | undefined;
function key(): Buffer {
  const material = env.MFA_ENCRYPTION_KEY ?? env.AUTH_SECRET;
  if (cachedKey?.material !== material) cachedKey = { material, key: mfaKey(material) };
  return cachedKey.key;
}

const ownerColumn = (owner: MfaOwner) => (owner.kind === 'staff' ? mfaFactors.staffId : mfaFactors.accountId);
const ownerValues = (owner: MfaOwner) => (owner.kind === 'staff' ? { staffId: owner.id } : { accountId: owner.id });

async function findFactor(db: Db, owner: MfaOwner) {
  const [factor] = await db
    .select()
    .from(mfaFactors)
    .where(eq(ownerColumn(owner), owner.id))
    .limit(1);
  return factor ?? null;
}

/** Whether the owner has a confirmed second factor. */
export async function hasSecondFactor(db: Db, owner: MfaOwner): Promise<boolean> {
  const [row] = await db
    .select({ id: mfaFactors.id })
    .from(mfaFactors)
    .where(and(eq(ownerColumn(owner), owner.id), isNotNull(mfaFactors.confirmedAt)))
    .limit(1);
  return !!row;
}

export interface Enrolment {
  /** Base32, for typing into an app by hand or reading with a screen reader. */
  secret: string;
  uri: string;
  /** The otpauth URI as an SVG QR code, made on the server (no JavaScript needed). */
  qrSvg: string;
}

/**
 * The secret to enrol, kept (encrypted) until confirmed so that reloading the page shows the
 * same QR code. Null when a confirmed factor exists already.
 */
export async function startEnrolment(db: Db, owner: MfaOwner, label: string): Promise<Enrolment | null> {
  const factor = await findFactor(db, owner);
  if (factor?.confirmedAt) return null;
  let secret = factor ? decryptSecret(factor.secret, key()) : null;
  if (!factor || !secret) {
    secret = generateSecret();
    const sealed = encryptSecret(secret, key());
    const [upserted] = await db
      .insert(mfaFactors)
      .values({ ...ownerValues(owner), secret: sealed })
      .onConflictDoUpdate({
        target: ownerColumn(owner),
        set: { secret: sealed, lastUsedStep: null },
        setWhere: isNull(mfaFactors.confirmedAt),
      })
      .returning();
    if (!upserted) return null; // confirmed meanwhile by another request
  }
  const uri = generateURI({ issuer: ISSUER, label, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/** Removes spaces and dashes and upper-cases, so `abcde-fghij` and `ABCDEFGHIJ` are one code. */
function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase().slice(0, 32);
}

async function acceptTotp(db: Db, factor: { id: string; secret: string; lastUsedStep: number | null }, code: string): Promise<boolean> {
  const secret = decryptSecret(factor.secret, key());
  if (!secret || !isTotpCode(code)) return false;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(factor.lastUsedStep !== null ? { afterTimeStep: factor.lastUsedStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return false;
  const step = result.timeStep;
  // The step is taken only if no request took it (or a later one) first.
  const taken = await db
    .update(mfaFactors)
    .set({ lastUsedStep: step })
    .where(and(eq(mfaFactors.id, factor.id), sql`(${mfaFactors.lastUsedStep} is null or ${mfaFactors.lastUsedStep} < ${step})`))
    .returning({ id: mfaFactors.id });
  return taken.length === 1;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
const hashCode = (factorId: string, code: string) => createHash('sha256').update(`${factorId}:${code}`).digest('hex');

function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export type ConfirmResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'invalid' | 'not_started' };

/** Confirms enrolment with a first code; returns the recovery codes, to be shown once. */
export async function confirmEnrolment(db: Db, owner: MfaOwner, code: string): Promise<ConfirmResult> {
  const factor = await findFactor(db, owner);
  if (!factor || factor.confirmedAt) return { ok: false, reason: 'not_started' };
  if (!(await acceptTotp(db, factor, code.trim()))) return { ok: false, reason: 'invalid' };
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const confirmed = await db.transaction(async (tx) => {
    const done = await tx
      .update(mfaFactors)
      .set({ confirmedAt: sql`now()` })
      .where(and(eq(mfaFactors.id, factor.id), isNull(mfaFactors.confirmedAt)))
      .returning({ id: mfaFactors.id });
    if (done.length === 0) return false;
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.factorId, factor.id));
    await tx
      .insert(mfaRecoveryCodes)
      .values(recoveryCodes.map((c) => ({ factorId: factor.id, codeHash: hashCode(factor.id, normaliseCode(c)) })));
    return true;
  });
  return confirmed ? { ok: true, recoveryCodes } : { ok: false, reason: 'not_started' };
}

export type SecondFactorResult = { ok: true; method: 'totp' | 'recovery'; recoveryCodesLeft?: number } | { ok: false };

/** Checks a code at sign-in: a current TOTP code, or an unused recovery code (spent by this call). */
export async function verifySecondFactor(db: Db, owner: MfaOwner, input: string): Promise<SecondFactorResult> {
  const factor = await findFactor(db, owner);
  if (!factor?.confirmedAt) return { ok: false };
  const code = input.trim();
  if (isTotpCode(code)) return (await acceptTotp(db, factor, code)) ? { ok: true, method: 'totp' } : { ok: false };
  const normalised = normaliseCode(code);
  if (!/^[A-Z0-9]{10}$/.test(normalised)) return { ok: false };
  const spent = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(mfaRecoveryCodes.factorId, factor.id),
        eq(mfaRecoveryCodes.codeHash, hashCode(factor.id, normalised)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  if (spent.length !== 1) return { ok: false };
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.factorId, factor.id), isNull(mfaRecoveryCodes.usedAt)));
  return { ok: true, method: 'recovery', recoveryCodesLeft: left?.n ?? 0 };
}

/** Removes the owner's second factor and its recovery codes (lost phone, or the patient switches it off). */
export async function removeSecondFactor(db: Db, owner: MfaOwner): Promise<boolean> {
  const removed = await db
    .delete(mfaFactors)
    .where(eq(ownerColumn(owner), owner.id))
    .returning({ id: mfaFactors.id });
  return removed.length > 0;
}
