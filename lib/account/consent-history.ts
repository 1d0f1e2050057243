// The consents of an account as an append-only history: each row gives or withdraws one kind,
// so the state at any moment is the latest row of each kind up to that moment (RODO art. 7).
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consentKinds, consents, webAccounts, type Consent, type ConsentAction, type ConsentKind } from '@/db/schema';
import { CONSENTS } from '@/lib/consents';
import { cancelQueuedSms } from '@/lib/sms/outbox';
import { canTakeSms, parsePhoneField } from '@/lib/phone';
import { lockSignedInAccount } from './signed-in-account';

/** The kinds a patient gives and withdraws on the account page; data processing is erasure. */
export const toggleableConsents = ['email', 'sms'] as const satisfies ConsentKind[];
export type ToggleableConsent = (typeof toggleableConsents)[number];

export interface ConsentState {
  kind: ConsentKind;
  given: boolean;
  /** The row that decided the state (the latest one), if any. */
  latest: Consent | null;
}

export function consentHistory(db: Db, accountId: string, at?: Date): Promise<Consent[]> {
  return db
    .select()
    .from(consents)
    .where(and(eq(consents.accountId, accountId), at ? lte(consents.givenAt, at) : undefined))
    .orderBy(asc(consents.givenAt), asc(consents.id));
}

/** The state of every kind after the rows of `history` (oldest first). */
export function consentStates(history: Consent[]): Record<ConsentKind, ConsentState> {
  const states = Object.fromEntries(consentKinds.map((kind) => [kind, { kind, given: false, latest: null }])) as Record<
    ConsentKind,
    ConsentState
  >;
  for (const row of history) states[row.kind] = { kind: row.kind, given: row.action === 'given', latest: row };
  return states;
}

/** The state of every kind at a moment (for the hospital's proof) or now. */
export async function consentStatesAt(db: Db, accountId: string, at?: Date): Promise<Record<ConsentKind, ConsentState>> {
  return consentStates(await consentHistory(db, accountId, at));
}

export interface ConsentMeta {
  ip: string | null;
  userAgent: string | null;
}

export type SetConsentOutcome = { status: 'recorded' | 'unchanged' | 'no_phone' | 'gone' };

/** Gives or withdraws the email or SMS consent; a row is appended only when the state changes. */
export async function setConsent(
  db: Db,
  accountId: string,
  kind: ToggleableConsent,
  action: ConsentAction,
  meta: ConsentMeta,
  now = new Date(),
): Promise<SetConsentOutcome> {
  return db.transaction(async (tx) => {
    // Two clicks at once append one row, not two.
    const account = await lockSignedInAccount(tx, accountId, { patientId: webAccounts.patientId, phone: webAccounts.phone });
    if (!account) return { status: 'gone' };
    const states = consentStates(await consentHistory(tx, accountId));
    if (states[kind].given === (action === 'given')) return { status: 'unchanged' };
    // Only a mobile has an SMS channel to consent to; a landline stays a contact number.
    if (kind === 'sms' && action === 'given' && !(account.phone && canTakeSms(parsePhoneField(account.phone))))
      return { status: 'no_phone' };
    await tx.insert(consents).values({
      accountId,
      patientId: account.patientId,
      kind,
      action,
      channel: 'account',
      textVersion: CONSENTS[kind].version,
      givenAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
    // Withdrawing the SMS consent stops what is queued and not yet handed to the provider.
    if (kind === 'sms' && action === 'withdrawn') await cancelQueuedSms(tx, accountId);
    return { status: 'recorded' };
  });
}

/** Whether the account currently consents to notifications of this kind. */
export async function hasConsent(db: Db, accountId: string, kind: ConsentKind): Promise<boolean> {
  return (await consentStatesAt(db, accountId))[kind].given;
}
