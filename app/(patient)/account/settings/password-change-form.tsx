'use client';

import { useActionState } from 'react';
import { NewPasswordFields } from '@/components/password/new-password-fields';
import { ruleText } from '@/components/password/rules';
import { SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { fieldErrorsOf } from '@/lib/web/action-state';
import type { PasswordPolicy } from '@/lib/password-policy';
import { idleFormState } from '../form-state';
import { FormProblems } from '../form-problems';
import { CurrentPasswordField } from './current-password-field';
import { changePasswordAction } from './actions';

export function PasswordChangeForm({ policy }: { policy: PasswordPolicy }) {
  const w = useWords();
  const t = w.selfService.settings;
  const [state, formAction, pending] = useActionState(changePasswordAction, idleFormState);
  const broken = state.broken ?? [];
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormProblems
        state={state}
        fields={{ currentPassword: ['password-currentPassword', t.currentPassword], password: ['password', t.password.newPassword] }}
      />
      {broken.length > 0 ? (
        <ul className="list-disc pl-5 text-danger" aria-label={w.activate.failed}>
          {broken.map((rule) => (
            <li key={rule}>{ruleText(rule, policy, w)}</li>
          ))}
        </ul>
      ) : null}
      <CurrentPasswordField id="password-currentPassword" error={fieldErrorsOf(state).currentPassword} />
      <NewPasswordFields
        policy={policy}
        failed={broken}
        refused={state.status === 'idle' ? null : state}
        labels={{ password: t.password.newPassword, repeat: t.password.repeat }}
      />
      <SubmitButton pending={pending}>{t.password.submit}</SubmitButton>
    </form>
  );
}
