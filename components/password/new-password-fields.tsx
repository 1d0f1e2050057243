'use client';

import { LabelledInput } from '@/components/ui';
import { useHydrated } from '@/components/use-hydrated';
import { useWords } from '@/components/words-provider';
import { useState } from 'react';
import { checkPassword, rulesOf, type PasswordPolicy, type PasswordRule } from '@/lib/password-policy';
import { ruleText } from './rules';

// Rules the browser can judge; the others (common passwords, login, PESEL) only the server.
const LIVE: PasswordRule[] = ['minLength', 'maxLength', 'upper', 'lower', 'digit', 'special', 'repeat'];

/**
 * A new password and its repetition with the policy's live checklist (activation, reset and the
 * patient's settings). The fields empty themselves whenever `refused` changes to a refusal: a
 * password is never sent back to be filled in again.
 */
export function NewPasswordFields(props: {
  policy: PasswordPolicy;
  /** The rules the server found broken in the last attempt. */
  failed: PasswordRule[];
  /** A new value (the action's state) after each refused attempt. */
  refused: unknown;
  labels?: { password: string; repeat: string };
}) {
  const words = useWords();
  const t = words.activate;
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const enhanced = useHydrated();
  const [show, setShow] = useState(false);
  // A refused attempt empties both fields (adjusting state while rendering, as React advises).
  const [seenRefusal, setSeenRefusal] = useState(props.refused);
  if (props.refused !== seenRefusal) {
    setSeenRefusal(props.refused);
    if (props.refused) {
      setPassword('');
      setRepeat('');
    }
  }

  const labels = props.labels ?? { password: t.password, repeat: t.passwordRepeat };
  const rules = rulesOf(props.policy);
  const broken = new Set(checkPassword(password, { policy: props.policy, repeat }));
  const failed = new Set(props.failed);
  const invalid = props.failed.length > 0 || undefined;
  // Both fields alike: shown or hidden together, a new password for the browser's password manager.
  const secret = {
    type: show ? 'text' : 'password',
    autoComplete: 'new-password',
    required: true,
    maxLength: 256,
    'aria-invalid': invalid,
  } as const;

  return (
    <>
      <div id="password-rules">
        <p className="font-medium">{t.rulesTitle}</p>
        <ul className="mt-1 flex flex-col gap-1" aria-live="polite">
          {rules.map((rule) => {
            const known = enhanced && LIVE.includes(rule) && password !== '';
            const ok = known && !broken.has(rule);
            return (
              <li key={rule} className={failed.has(rule) ? 'text-danger' : ok ? 'text-green-800' : ''}>
                <span aria-hidden="true">{known ? (ok ? '✓ ' : '✗ ') : '• '}</span>
                {ruleText(rule, props.policy, words)}
                {known ? <span className="sr-only">{ok ? t.ruleMet : t.ruleUnmet}</span> : null}
              </li>
            );
          })}
        </ul>
      </div>
      <LabelledInput
        id="password"
        name="password"
        label={labels.password}
        {...secret}
        aria-describedby="password-rules"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <LabelledInput
        id="passwordRepeat"
        name="passwordRepeat"
        label={labels.repeat}
        {...secret}
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
      />
      {enhanced ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} className="h-5 w-5" />
          {t.show}
        </label>
      ) : null}
    </>
  );
}
