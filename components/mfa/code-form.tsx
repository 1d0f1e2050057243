'use client';

// The one field labelled "Kod" (SPEC §12) for the second step of signing in, and for switching
// the second factor off. Works as a plain form post without JavaScript.
import { useActionState, useEffect, useRef } from 'react';
import { buttonClass, Field } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

type State = { error?: string };

export function CodeForm({ action, submitLabel, hint }: { action: (state: State, form: FormData) => Promise<State>; submitLabel: string; hint: string }) {
  const [state, formAction, pending] = useActionState(action, {} as State);
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {state.error ? (
        <p ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-danger bg-red-50 p-3 text-danger">
          {state.error}
        </p>
      ) : null}
      <Field
        name="code"
        label={pl.mfa.code}
        hint={hint}
        required
        autoFocus
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={16}
        className="max-w-xs"
      />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
