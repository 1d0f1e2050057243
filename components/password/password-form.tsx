'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import { checkPassword, rulesOf, type PasswordPolicy, type PasswordRule } from '@/lib/password-policy';
import { setPasswordAction, type PasswordState } from './actions';
import { ruleText } from './rules';

const t = pl.activate;
// Rules the browser can judge; the others (common passwords, login, PESEL) only the server.
const LIVE: PasswordRule[] = ['minLength', 'maxLength', 'upper', 'lower', 'digit', 'special', 'repeat'];

export function PasswordForm(props: { purpose: 'activation' | 'password_reset'; token: string; policy: PasswordPolicy }) {
  const [state, formAction, pending] = useActionState(setPasswordAction, { status: 'idle' } as PasswordState);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [enhanced, setEnhanced] = useState(false);
  const [show, setShow] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (state.status === 'weak') {
      alertRef.current?.focus();
      setPassword('');
      setRepeat('');
    }
  }, [state]);

  const rules = rulesOf(props.policy);
  const broken = new Set(checkPassword(password, { policy: props.policy, repeat }));
  const failed = state.status === 'weak' ? new Set(state.broken) : new Set<PasswordRule>();

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="purpose" value={props.purpose} />
      <input type="hidden" name="token" value={props.token} />
      {state.status === 'weak' ? (
        <div ref={alertRef} tabIndex={-1} autoFocus role="alert" className="rounded-md border-2 border-danger bg-red-50 p-4">
          <p className="mb-2 font-semibold text-danger">{t.failed}</p>
          <ul className="list-disc pl-5">
            {state.broken.map((rule) => (
              <li key={rule}>{ruleText(rule, props.policy)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div id="password-rules">
        <p className="font-medium">{t.rulesTitle}</p>
        <ul className="mt-1 flex flex-col gap-1" aria-live="polite">
          {rules.map((rule) => {
            const known = enhanced && LIVE.includes(rule) && password !== '';
            const ok = known && !broken.has(rule);
            return (
              <li key={rule} className={failed.has(rule) ? 'text-danger' : ok ? 'text-green-800' : ''}>
                <span aria-hidden="true">{known ? (ok ? '✓ ' : '✗ ') : '• '}</span>
                {ruleText(rule, props.policy)}
                {known ? <span className="sr-only">{ok ? ' — spełniony' : ' — niespełniony'}</span> : null}
              </li>
            );
          })}
        </ul>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="font-medium">
          {t.password}
        </label>
        <input
          id="password"
          name="password"
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
          required
          maxLength={256}
          aria-describedby="password-rules"
          aria-invalid={state.status === 'weak' || undefined}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="min-h-11 rounded-md border border-slate-400 px-3 py-2 text-base"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="passwordRepeat" className="font-medium">
          {t.passwordRepeat}
        </label>
        <input
          id="passwordRepeat"
          name="passwordRepeat"
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
          required
          maxLength={256}
          aria-invalid={state.status === 'weak' || undefined}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          className="min-h-11 rounded-md border border-slate-400 px-3 py-2 text-base"
        />
      </div>
      {enhanced ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="h-5 w-5" />
          {t.show}
        </label>
      ) : null}
      <div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
