// Managing one's own passkeys in the settings (SPEC §19), for a patient or a staff member: starting
// to add one, adding it with its notices, removing one. The owner always comes from the session.
// A patient is told of a new key by email and, with the SMS consent and a mobile, by SMS, queued in
// the transaction that stores the key; staff have no email, the audit entry is their record.
import { and, eq, isNull } from 'drizzle-orm';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '@/db/client';
import { patients, staffAccounts, webAccounts } from '@/db/schema';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import { queueSmsNotice } from '@/lib/sms/notices';
import {
  finishPasskeyRegistration,
  passkeyName,
  removePasskey,
  startPasskeyRegistration,
  type PasskeyOwner,
  type RemoveResult,
  type StartedCeremony,
} from '@/lib/webauthn';
import type { AddPasskeyOutcome } from './passkey-outcomes';
import { renderPasskeyAddedEmail } from './emails';
import { readSignedInAccount } from './signed-in-account';

/** The longest answer of an authenticator taken in (a registration is ~1–2 KiB; attestation certificates add a few). */
export const PASSKEY_RESPONSE_MAX = 64 * 1024;

/** `gone`: the account can no longer act (blocked, disabled, deleted meanwhile). */
export type StartPasskeyOutcome = ({ ok: true } & StartedCeremony<PublicKeyCredentialCreationOptionsJSON>) | { ok: false; reason: 'gone' };

interface Patient {
  kind: 'patient';
  login: string;
  email: string;
  locale: Locale;
  firstName: string;
  lastName: string;
}

interface Staff {
  kind: 'staff';
  login: string;
  name: string;
}

/** The owner as the authenticator will name the key's account, or null when they may not act. */
async function loadOwner(db: Db, owner: PasskeyOwner): Promise<Patient | Staff | null> {
  if (owner.kind === 'staff') {
    const [row] = await db
      .select({ login: staffAccounts.login, name: staffAccounts.name })
      .from(staffAccounts)
      .where(and(eq(staffAccounts.id, owner.id), isNull(staffAccounts.disabledAt)));
    return row ? { kind: 'staff', ...row } : null;
  }
  const row = await readSignedInAccount(db, owner.id, {
    login: webAccounts.login,
    email: webAccounts.email,
    locale: webAccounts.locale,
    firstName: patients.firstName,
    lastName: patients.lastName,
  });
  if (!row) return null;
  const { status: _status, ...patient } = row;
  return { kind: 'patient', ...patient };
}

/** Options for the browser's startRegistration, with a single-use challenge for this owner. */
export async function startAddingPasskey(db: Db, owner: PasskeyOwner, now = new Date()): Promise<StartPasskeyOutcome> {
  const who = await loadOwner(db, owner);
  if (!who) return { ok: false, reason: 'gone' };
  const displayName = who.kind === 'staff' ? who.name : `${who.firstName} ${who.lastName}`;
  const started = await startPasskeyRegistration(db, owner, { name: who.login, displayName }, now);
  return { ok: true, ...started };
}

/**
 * Verifies the authenticator's answer and stores the key under `name` (the label the owner typed).
 * For a patient the email and the SMS are queued in the same transaction; a refusal queues nothing.
 */
export async function addPasskey(
  db: Db,
  owner: PasskeyOwner,
  input: { handle: string; response: unknown; name: string },
  now = new Date(),
): Promise<AddPasskeyOutcome> {
  const label = passkeyName(input.name);
  // Judged before anything is spent or rendered (finishPasskeyRegistration judges it again).
  if (!label) return { ok: false, reason: 'invalid' };
  const who = await loadOwner(db, owner);
  if (!who) return { ok: false, reason: 'gone' };
  if (who.kind === 'staff') return finishPasskeyRegistration(db, owner, input.handle, input.response, label, now);

  // Rendered outside the transaction, as every notice is (lib/mail/outbox.ts).
  const notice = await renderPasskeyAddedEmail({ firstName: who.firstName, passkeyName: label, addedAt: now, locale: who.locale });
  const result = await finishPasskeyRegistration(db, owner, input.handle, input.response, label, now, async (tx) => {
    await enqueueEmail(tx, { ...notice, recipient: who.email, accountId: owner.id });
    await queueSmsNotice(tx, owner.id, 'passkeyAdded', now);
  });
  if (result.ok) mailQueued();
  return result;
}

/**
 * Removes one of the owner's own keys (another owner's id is `not_found`). While staff must have a
 * second factor (STAFF_MFA=required), their last one is refused; patients' factors are optional.
 */
export async function removeOwnPasskey(
  db: Db,
  owner: PasskeyOwner,
  passkeyId: string,
  staffMfa: 'required' | 'optional' = env.STAFF_MFA,
): Promise<RemoveResult> {
  return removePasskey(db, owner, passkeyId, { mfaRequired: owner.kind === 'staff' && staffMfa === 'required' });
}
