'use client';

import { useActionState } from 'react';
import { currentPasswordInput } from '@/components/password/current-password';
import { Checkbox, Field } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { fieldErrorsOf } from '@/lib/web/action-state';
import { idleFormState } from '../form-state';
import { FormProblems } from '../form-problems';
import { deleteAccountAction } from './actions';

export function DeleteAccountForm() {
  const t = useWords().selfService.delete;
  const [state, formAction, pending] = useActionState(deleteAccountAction, idleFormState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormProblems state={state} fields={{ confirm: ['field-confirm', t.confirm], password: ['field-password', t.password] }} />
      <Checkbox key={`confirm-${state.submission}`} name="confirm" label={t.confirm} required error={fieldErrorsOf(state).confirm} />
      <Field name="password" label={t.password} {...currentPasswordInput} error={fieldErrorsOf(state).password} />
      <div>
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 rounded-md bg-danger px-5 py-2 font-semibold text-white disabled:opacity-60"
        >
          {t.submit}
        </button>
      </div>
    </form>
  );
}
