'use client';

import { useActionState, useEffect, useRef } from 'react';
import { SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import type { PasswordPolicy } from '@/lib/password-policy';
import { setPasswordAction, type PasswordState } from './actions';
import { NewPasswordFields } from '@/components/password/new-password-fields';
import { ruleText } from '@/components/password/rules';
import { fieldErrorsOf, initialState } from '@/lib/web/action-state';

export function PasswordForm(props: { purpose: 'activation' | 'password_reset'; token: string; policy: PasswordPolicy }) {
  const words = useWords();
  const [state, formAction, pending] = useActionState(setPasswordAction, initialState() as PasswordState);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'invalid') alertRef.current?.focus();
  }, [state]);

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="purpose" value={props.purpose} />
      <input type="hidden" name="token" value={props.token} />
      {state.status === 'invalid' ? (
        <div ref={alertRef} tabIndex={-1} autoFocus role="alert" className="rounded-md border-2 border-danger bg-red-50 p-4">
          <p className="mb-2 font-semibold text-danger">{fieldErrorsOf(state).password}</p>
          <ul className="list-disc pl-5">
            {(state.broken ?? []).map((rule) => (
              <li key={rule}>{ruleText(rule, props.policy, words)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <NewPasswordFields
        policy={props.policy}
        failed={state.status === 'invalid' ? (state.broken ?? []) : []}
        refused={state.status === 'invalid' ? state : null}
      />
      <SubmitButton pending={pending}>{words.activate.submit}</SubmitButton>
    </form>
  );
}
