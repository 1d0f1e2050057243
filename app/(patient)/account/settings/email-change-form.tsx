'use client';

import { useActionState, type ReactNode } from 'react';
import { Field, SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { fieldErrorsOf } from '@/lib/web/action-state';
import { idleFormState } from '../form-state';
import { FormProblems } from '../form-problems';
import { CurrentPasswordField } from './current-password-field';
import { requestEmailChangeAction } from './actions';

export function EmailChangeForm({ contact }: { contact: ReactNode }) {
  const t = useWords().selfService.settings;
  const [state, formAction, pending] = useActionState(requestEmailChangeAction, idleFormState);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormProblems
        state={state}
        conflict={contact}
        fields={{ newEmail: ['field-newEmail', t.email.newEmail], currentPassword: ['email-currentPassword', t.currentPassword] }}
      />
      <Field
        key={`email-${state.submission}`}
        name="newEmail"
        label={t.email.newEmail}
        hint={t.email.newEmailHint}
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values.newEmail ?? ''}
        error={fieldErrorsOf(state).newEmail}
      />
      <CurrentPasswordField id="email-currentPassword" hint={t.currentPasswordHint} error={fieldErrorsOf(state).currentPassword} />
      <SubmitButton pending={pending}>{t.email.submit}</SubmitButton>
    </form>
  );
}
