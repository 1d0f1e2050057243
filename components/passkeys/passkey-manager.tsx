'use client';

// One's own passkeys (issue 22): the list with a remove button per key, and the form that adds
// one. Removing is a form (useActionState), so it works without JavaScript; adding needs the
// browser's WebAuthn: the label, the options with a single-use challenge (startPasskeyAddAction),
// the authenticator (startRegistration), its answer checked and stored (finishPasskeyAddAction),
// then the list is read again. Without WebAuthn the form is replaced by a sentence that says why
// (without JavaScript the server's <noscript> says it, see passkey-list.tsx).
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { finishPasskeyAddAction, removePasskeyAction, startPasskeyAddAction, type PasskeyRemoveState } from '@/app/passkey-actions';
import { FormAlert } from '@/components/form-alert';
import { Field, SubmitButton, secondaryButtonClass } from '@/components/ui';
import { useHydrated } from '@/components/use-hydrated';
import { initialState, messageOf } from '@/lib/web/action-state';
import type { PasskeyManagerWords } from './passkey-words';

/** One key as the list shows it; dates already in the reader's language. */
export interface PasskeyItem {
  id: string;
  name: string;
  addedAt: string;
  /** The date, or the word for "never". */
  lastUsedAt: string;
  /** The remove button's accessible name, with the key's name ("Usuń klucz: Klucz YubiKey"). */
  removeLabel: string;
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** Why the browser's ceremony ended without a key, in words. */
function ceremonyProblem(error: unknown, t: PasskeyManagerWords): string {
  const name = error instanceof Error ? error.name : '';
  // NotAllowedError: the person cancelled, or the time ran out (browsers do not say which).
  if (name === 'NotAllowedError' || name === 'AbortError') return t.cancelled;
  // excludeCredentials matched: this authenticator already holds one of the owner's keys.
  if (name === 'InvalidStateError') return t.alreadyHere;
  return t.failed;
}

/** A result that is announced and, with each new `answer` that has one, focused (the button it came from may be gone). */
function Notice({ message, answer }: { message?: string; answer: unknown }) {
  const ref = useRef<HTMLParagraphElement>(null);
  // Only a new answer takes the focus: words that change meanwhile ("working…") are only announced.
  useEffect(() => {
    ref.current?.focus();
  }, [answer]);
  return (
    <div role="status">
      {message ? (
        <p ref={ref} tabIndex={-1} className="break-words rounded-md border border-green-700 bg-green-50 p-3">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function PasskeyManager({ items, words: t, noScript }: { items: PasskeyItem[]; words: PasskeyManagerWords; noScript: ReactNode }) {
  const [removal, removeAction, removing] = useActionState<PasskeyRemoveState, FormData>(removePasskeyAction, initialState());
  const hydrated = useHydrated();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <h3 className="font-semibold">{t.listTitle}</h3>
        <Notice message={removal.status === 'ok' ? removal.notice : undefined} answer={removal} />
        <FormAlert message={messageOf(removal)} answer={removal} />
        {items.length === 0 ? (
          <p>{t.empty}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="passkey-list">
            {items.map((key) => (
              <li key={key.id} className="flex flex-col gap-2 rounded-md border border-slate-300 p-3 sm:flex-row sm:items-center">
                <div className="min-w-0 grow">
                  <p className="break-words font-semibold">{key.name}</p>
                  <p className="text-sm text-slate-700">
                    {t.addedAt}: {key.addedAt}
                  </p>
                  <p className="text-sm text-slate-700">
                    {t.lastUsedAt}: {key.lastUsedAt}
                  </p>
                </div>
                <form action={removeAction}>
                  <input type="hidden" name="passkeyId" value={key.id} />
                  <button type="submit" className={secondaryButtonClass} aria-label={key.removeLabel} disabled={removing}>
                    {t.remove}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="flex flex-col gap-3">
        <h3 className="font-semibold">{t.addTitle}</h3>
        {noScript}
        {/* Rendered once the browser is known: the server cannot tell whether it has WebAuthn. */}
        {hydrated && (browserSupportsWebAuthn() ? <AddPasskeyForm words={t} /> : <p>{t.needsBrowser}</p>)}
      </div>
    </div>
  );
}

function AddPasskeyForm({ words: t }: { words: PasskeyManagerWords }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [nameError, setNameError] = useState<string>();
  const [outcome, setOutcome] = useState<{ notice?: string; alert?: string; attempt: number }>({ attempt: 0 });

  async function add(form: HTMLFormElement): Promise<{ notice?: string; alert?: string; nameError?: string }> {
    const name = new FormData(form).get('name');
    if (typeof name !== 'string') return { alert: t.failed };
    const started = await startPasskeyAddAction(formOf({ name }));
    if (started.status === 'invalid') return { nameError: started.fieldErrors.name };
    if (started.status !== 'ok' || !started.handle || !started.options) return { alert: messageOf(started) ?? t.failed };
    let response;
    try {
      response = await startRegistration({ optionsJSON: started.options });
    } catch (error) {
      return { alert: ceremonyProblem(error, t) };
    }
    const finished = await finishPasskeyAddAction(formOf({ handle: started.handle, response: JSON.stringify(response), name }));
    if (finished.status === 'invalid') return { nameError: finished.fieldErrors.name };
    if (finished.status !== 'ok') return { alert: messageOf(finished) ?? t.failed };
    form.reset();
    router.refresh();
    return { notice: finished.notice };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setNameError(undefined);
    setOutcome(({ attempt }) => ({ attempt }));
    let result: Awaited<ReturnType<typeof add>>;
    try {
      result = await add(form);
    } catch {
      result = { alert: t.failed }; // the network, or the server, failed
    }
    setBusy(false);
    setNameError(result.nameError);
    setOutcome(({ attempt }) => ({ notice: result.notice, alert: result.alert, attempt: attempt + 1 }));
    if (result.nameError) form.querySelector<HTMLInputElement>('#passkey-name')?.focus();
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="flex flex-col gap-4" noValidate>
      <Notice message={busy ? t.working : outcome.notice} answer={outcome.attempt} />
      <FormAlert message={outcome.alert} answer={outcome.attempt} />
      <Field id="passkey-name" name="name" label={t.name} hint={t.nameHint} error={nameError} required maxLength={60} autoComplete="off" />
      <SubmitButton pending={busy}>{t.add}</SubmitButton>
    </form>
  );
}
