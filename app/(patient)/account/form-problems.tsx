'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useWords } from '@/components/words-provider';
import { fieldErrorsOf, messageOf } from '@/lib/web/action-state';
import type { AccountFormState } from './form-state';

/**
 * What went wrong with a form post, announced and focused: the fields' errors as links to the
 * fields (labels given by `fields`: name → [input id, label]), or the form's one problem.
 */
export function FormProblems({
  state,
  fields,
  conflict,
}: {
  state: AccountFormState;
  fields: Record<string, [id: string, label: string]>;
  /** Shown for a conflict: the facility's contact. */
  conflict?: ReactNode;
}) {
  const t = useWords();
  const errors = Object.entries(fieldErrorsOf(state)).filter((entry): entry is [string, string] => Boolean(fields[entry[0]] && entry[1]));
  const box = 'rounded-md border-2 border-danger bg-red-50 p-4';
  // Without JavaScript the browser focuses the box (autoFocus); with it, each answer does.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') ref.current?.focus();
  }, [state]);
  const key = `problem-${state.submission}`;
  if (state.status === 'conflict') {
    return (
      <div key={key} ref={ref as React.RefObject<HTMLDivElement>} tabIndex={-1} autoFocus role="alert" className={box}>
        <h3 className="mb-2 text-lg font-bold text-danger">{t.register.conflict.title}</h3>
        <p className="mb-2">{t.register.conflict.body}</p>
        <p className="mb-1">{t.register.conflict.contact}</p>
        {conflict}
      </div>
    );
  }
  // A refusal other than the conflict (too many attempts, a failure, an account gone) in its words.
  const message = messageOf(state);
  if (message) {
    return (
      <p key={key} ref={ref as React.RefObject<HTMLParagraphElement>} tabIndex={-1} autoFocus role="alert" className={box}>
        {message}
      </p>
    );
  }
  if (errors.length === 0) return null;
  return (
    <div key={key} ref={ref as React.RefObject<HTMLDivElement>} tabIndex={-1} autoFocus role="alert" className={box}>
      <h3 className="mb-2 text-lg font-bold text-danger">{t.selfService.settings.summaryTitle}</h3>
      <ul className="list-disc pl-5">
        {errors.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fields[name]![0]}`} className="text-danger underline">
              {fields[name]![1]}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
