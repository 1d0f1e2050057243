'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { currentPasswordInput } from '@/components/password/current-password';
import { LabelledInput, SubmitButton } from '@/components/ui';
import type { Catalogue } from '@/lib/messages/catalogue';
import { initialState, messageOf } from '@/lib/web/action-state';
import { signInAction, type SignInState } from './actions';

/** The sign-in form; its words come as a prop, so /login loads no catalogue in the browser. */
export function LoginForm({ next, words: t }: { next?: string; words: Catalogue['login'] }) {
  const [state, formAction, pending] = useActionState(signInAction, initialState() as SignInState);
  const error = messageOf(state);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {/* Focused on arrival without JavaScript too (the server renders autofocus). */}
      <FormAlert message={error} answer={state} id="login-error" autoFocus />
      <LabelledInput
        id="login"
        name="login"
        label={t.login}
        // `webauthn`: the browser may offer the person's passkeys here (conditional mediation).
        autoComplete="username webauthn"
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={64}
        defaultValue={state.values.login ?? ''}
        aria-describedby={error ? 'login-error' : undefined}
      />
      {/* The password is never typed back for the patient. */}
      <LabelledInput id="password" name="password" label={t.password} {...currentPasswordInput} />
      <SubmitButton pending={pending}>{t.submit}</SubmitButton>
    </form>
  );
}
