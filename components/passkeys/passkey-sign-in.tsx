'use client';

// Signing in with a passkey (issue 22): a button, and on /login the browser's own autofill
// (conditional mediation) where it offers one. Two server actions, given by the page and each
// called with a FormData (proxy.ts lets only multipart posts reach actions): the options with a
// single-use challenge, then the authenticator's answer; a finished sign-in redirects from the
// action itself.
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'react';
import { secondaryButtonClass } from '@/components/ui';
import { useHydrated } from '@/components/use-hydrated';

export type PasskeyOptionsState =
  { status: 'ok'; handle: string; options: PublicKeyCredentialRequestOptionsJSON } | { status: 'refused'; message: string };

/** A finished sign-in never answers: the action redirects. */
export type PasskeySignInState = { status: 'refused'; message: string };

/** The page's server actions (app/(public)/login/actions.ts). */
export interface PasskeySignInActions {
  options: (state: PasskeyOptionsState, form: FormData) => Promise<PasskeyOptionsState>;
  signIn: (state: PasskeySignInState, form: FormData) => Promise<PasskeySignInState>;
}

export interface PasskeySignInWords {
  button: string;
  unsupported: string;
  cancelled: string;
  failed: string;
  working: string;
}

function formOf(fields: Record<string, string | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(name, value);
  return form;
}

type Ceremony =
  | { outcome: 'answered'; handle: string; response: unknown }
  /** The server said no before the ceremony (a limit, an expired pending sign-in): its words. */
  | { outcome: 'refused'; message: string }
  /** The person cancelled, it timed out, or another ceremony took over. */
  | { outcome: 'cancelled' }
  /** The browser refused (a SecurityError on a page of another origin, a fault). */
  | { outcome: 'failed' };

/** The authenticator's answer to a fresh challenge. */
async function ceremony(actions: PasskeySignInActions, step: 'first' | 'second', autofill: boolean): Promise<Ceremony> {
  const started = await actions.options(null as unknown as PasskeyOptionsState, formOf({ step }));
  if (started.status !== 'ok') return { outcome: 'refused', message: started.message };
  try {
    const response = await startAuthentication({ optionsJSON: started.options, useBrowserAutofill: autofill });
    return { outcome: 'answered', handle: started.handle, response };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { outcome: name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed' };
  }
}

export function PasskeySignIn({
  actions,
  words: t,
  step = 'first',
  next,
  autofill = false,
}: {
  actions: PasskeySignInActions;
  words: PasskeySignInWords;
  /** `second`: the step after the password, with the pending person's own keys. */
  step?: 'first' | 'second';
  next?: string;
  /** Offer the passkeys in the login field's autofill too (/login). */
  autofill?: boolean;
}) {
  // Unknown until hydration (the server cannot tell); then whether this browser has WebAuthn.
  const hydrated = useHydrated();
  const supported = hydrated ? browserSupportsWebAuthn() : null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);

  async function signIn(result: Extract<Ceremony, { outcome: 'answered' }>): Promise<void> {
    const answer = await actions.signIn(
      null as unknown as PasskeySignInState,
      formOf({ step, next, handle: result.handle, response: JSON.stringify(result.response) }),
    );
    // Only a refusal comes back; a sign-in has already moved the page on.
    if (answer?.status === 'refused') setMessage(answer.message);
  }

  useEffect(() => {
    if (!autofill) return;
    let stopped = false;
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill()) || stopped) return;
      const result = await ceremony(actions, step, true);
      if (!stopped && result.outcome === 'answered') await signIn(result);
    })();
    return () => {
      stopped = true;
    };
    // Once per page: the autofill ceremony waits for the person for as long as the page lives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (message) alertRef.current?.focus();
  }, [message]);

  async function onClick(): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      const result = await ceremony(actions, step, false);
      if (result.outcome === 'answered') await signIn(result);
      else setMessage(result.outcome === 'refused' ? result.message : result.outcome === 'failed' ? t.failed : t.cancelled);
    } catch {
      setMessage(t.failed);
    } finally {
      setBusy(false);
    }
  }

  if (supported === false) return <p>{t.unsupported}</p>;
  return (
    <div className="flex flex-col gap-3">
      {message ? (
        <p ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-danger bg-red-50 p-3 text-danger">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => void onClick()}
        disabled={busy || supported === null}
        aria-busy={busy}
      >
        {busy ? t.working : t.button}
      </button>
    </div>
  );
}
