'use client';

import { useActionState } from 'react';
import { NewPasswordFields } from '@/components/password/new-password-fields';
import { ruleText } from '@/components/password/rules';
import { Field, buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { fieldErrorsOf } from '@/lib/web/action-state';
import type { PasswordPolicy } from '@/lib/password-policy';
import { idleFormState } from '../form-state';
import { FormProblems } from '../form-problems';
import { changePasswordAction } from './actions';

const t = pl.selfService.settings;

export function PasswordChangeForm({ policy }: { policy: PasswordPolicy }) {
  const [state, formAction, pending] = useActionState(changePasswordAction, idleFormState);
  const broken = state.broken ?? [];
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormProblems
        state={state}
        fields={{ currentPassword: ['password-currentPassword', t.currentPassword], password: ['password', t.password.newPassword] }}
      />
      {broken.length > 0 ? (
        <ul className="list-disc pl-5 text-danger" aria-label={pl.activate.failed}>
          {broken.map((rule) => (
            <li key={rule}>{ruleText(rule, policy)}</li>
          ))}
        </ul>
      ) : null}
      <Field
        id="password-currentPassword"
        name="currentPassword"
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        error={fieldErrorsOf(state).currentPassword}
      />
      <NewPasswordFields
        policy={policy}
        failed={broken}
        refused={state.status === 'idle' ? null : state}
        labels={{ password: t.password.newPassword, repeat: t.password.repeat }}
      />
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {t.password.submit}
        </button>
      </div>
    </form>
  );
}
