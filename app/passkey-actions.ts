'use server';

// Adding and removing one's own passkeys (SPEC §19), shared by the patient's settings and the
// staff's /admin/mfa: whoever is signed in is the owner, never an id from the form. Adding is two
// steps called from the browser's script (the ceremony needs it), each with a FormData (proxy.ts
// lets only multipart posts reach actions); removing is a form that works without JavaScript too.
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { addPasskey, PASSKEY_RESPONSE_MAX, removeOwnPasskey, startAddingPasskey } from '@/lib/account/passkeys';
import type { Principal } from '@/lib/auth/auth';
import type { Catalogue } from '@/lib/messages/catalogue';
import { pl } from '@/lib/messages/pl';
import { clientIp } from '@/lib/request';
import { attempt, formAction, rateLimited, type ActionState, type Reply } from '@/lib/web/action';
import { passkeyName, type PasskeyOwner } from '@/lib/webauthn';

/** Step 1: the options for the browser's startRegistration, and the challenge's handle. */
export type PasskeyStartState = ActionState<
  'session' | 'gone',
  'name',
  { handle?: string; options?: PublicKeyCredentialCreationOptionsJSON }
>;
/** Step 2: the key stored (`notice` says so in words), or why not (`refused`, its message says which reason). */
export type PasskeyFinishState = ActionState<'session' | 'refused', 'name', { notice?: string }>;
/** Removing a key; `notice` says it is gone. */
export type PasskeyRemoveState = ActionState<'session' | 'not_found' | 'last_factor', never, { notice?: string }>;

const ownerOf = (caller: Principal): PasskeyOwner =>
  caller.role === 'patient' ? { kind: 'patient', id: caller.id } : { kind: 'staff', id: caller.id };

/** The patient's words in their language; staff pages are Polish only, with words of their own. */
const wordsOf = (owner: PasskeyOwner, t: Catalogue) => (owner.kind === 'staff' ? pl.admin.passkeys : t.selfService.settings.passkeys);

const signedOut = { signedOut: (reply: Reply, t: Catalogue) => reply.refused('session', t.session.ended) };

// The page the list is on, to show it again after a change.
const pageOf = (owner: PasskeyOwner) => (owner.kind === 'staff' ? '/admin/mfa' : '/account/settings');

const start = formAction<PasskeyStartState, 'signed-in'>(
  'signed-in',
  async ({ caller, form, reply, t }) => {
    const owner = ownerOf(caller);
    const w = wordsOf(owner, t);
    // The label is asked for first, so nobody touches their key only to be told the name is wrong.
    if (!passkeyName(form.text('name', 1000))) return reply.invalid({ name: w.nameInvalid });
    const db = await getDb();
    const wait = await rateLimited(db, 'passkey', clientIp(await headers()), 'consume');
    if (wait !== null) return reply.limited(wait);
    const started = await attempt('passkey start failed', () => startAddingPasskey(db, owner));
    if (!started) return reply.refused('error', w.failed);
    if (!started.ok) return reply.refused('gone', w.refusals.gone);
    return { ...reply.ok(), handle: started.handle, options: started.options };
  },
  signedOut,
);

const finish = formAction<PasskeyFinishState, 'signed-in'>(
  'signed-in',
  async ({ caller, form, reply, t }) => {
    const owner = ownerOf(caller);
    const w = wordsOf(owner, t);
    const name = form.text('name', 1000);
    const label = passkeyName(name);
    if (!label) return reply.invalid({ name: w.nameInvalid });
    // One character over the cap is enough to know the answer is too long to be an authenticator's.
    const text = form.text('response', PASSKEY_RESPONSE_MAX + 1);
    let response: unknown;
    try {
      if (text.length > PASSKEY_RESPONSE_MAX) throw new RangeError('too long');
      response = JSON.parse(text) as unknown;
    } catch {
      return reply.refused('refused', w.refusals.invalid);
    }
    const handle = form.text('handle', 200);
    const result = await attempt('passkey add failed', async () => addPasskey(await getDb(), owner, { handle, response, name: label }));
    if (!result) return reply.refused('error', w.failed);
    if (!result.ok) return reply.refused('refused', w.refusals[result.reason]);
    return { ...reply.ok(), notice: w.added(label) };
  },
  signedOut,
);

/** Step 1 of adding a passkey. Fields: `name` (the label, judged before the ceremony starts). */
export async function startPasskeyAddAction(formData: FormData): Promise<PasskeyStartState> {
  return start(undefined as unknown as PasskeyStartState, formData);
}

/**
 * Step 2: the authenticator's answer. Fields: `handle` (from step 1), `response` (the JSON of
 * startRegistration's result, at most PASSKEY_RESPONSE_MAX characters), `name` (1–60 characters).
 */
export async function finishPasskeyAddAction(formData: FormData): Promise<PasskeyFinishState> {
  return finish(undefined as unknown as PasskeyFinishState, formData);
}

/** Removes one of the caller's own keys. Fields: `passkeyId`. For useActionState; works without JavaScript. */
export const removePasskeyAction = formAction<PasskeyRemoveState, 'signed-in'>(
  'signed-in',
  async ({ caller, form, reply, t }) => {
    const owner = ownerOf(caller);
    const w = wordsOf(owner, t);
    const passkeyId = form.text('passkeyId', 100);
    const result = await attempt('passkey removal failed', async () => removeOwnPasskey(await getDb(), owner, passkeyId));
    if (!result) return reply.refused('error', (owner.kind === 'staff' ? pl : t).selfService.settings.generic);
    if (!result.ok) return reply.refused(result.reason, w.refusals[result.reason]);
    revalidatePath(pageOf(owner));
    return { ...reply.ok(), notice: w.removed };
  },
  signedOut,
);
