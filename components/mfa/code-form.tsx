'use client';

// The one field labelled "Kod" (SPEC §12) for the second step of signing in, and for switching
// the second factor off. Works as a plain form post without JavaScript.
import { useActionState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { Field, SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { initialState, messageOf, type ActionState } from '@/lib/web/action-state';

/** Why a code was refused: none typed, a wrong one, a sign-in that took too long, the account's state, the session ended. */
export type CodeRefusal = 'required' | 'failed' | 'expired' | 'pending' | 'blocked' | 'session';

export type CodeState = ActionState<CodeRefusal, 'code'>;

export function CodeForm({
  action,
  submitLabel,
  hint,
}: {
  action: (state: CodeState, form: FormData) => Promise<CodeState>;
  submitLabel: string;
  hint: string;
}) {
  const t = useWords();
  const [state, formAction, pending] = useActionState(action, initialState() as CodeState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormAlert message={messageOf(state)} answer={state} />
      <Field
        name="code"
        label={t.mfa.code}
        hint={hint}
        required
        autoFocus
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={16}
        className="max-w-xs"
      />
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
