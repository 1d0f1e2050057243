'use client';

import { useActionState, useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { initialState, messageOf } from '@/lib/web/action-state';
import { signInAction, type SignInState } from './actions';

const t = pl.login;
const inputClass = 'min-h-11 rounded-md border border-slate-400 px-3 py-2 text-base';

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initialState() as SignInState);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const error = messageOf(state);
  useEffect(() => {
    if (messageOf(state)) alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {error ? (
        <p ref={alertRef} tabIndex={-1} autoFocus role="alert" id="login-error" className="rounded-md border-2 border-danger bg-red-50 p-3 text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="login" className="font-medium">
          {t.login}
        </label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={64}
          defaultValue={state.values.login ?? ''}
          aria-describedby={error ? 'login-error' : undefined}
          className={inputClass}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">
          {t.password}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} className={inputClass} />
      </div>
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
