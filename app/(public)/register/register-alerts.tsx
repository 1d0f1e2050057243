'use client';
// What the registration form's last answer has to say before the form: a data conflict (with the
// desk's contact), a limit or an error, or the list of fields to correct. Each takes the focus
// when it appears, without JavaScript too (autofocus).
import { useEffect, useRef, type ReactNode } from 'react';
import { useRegisterWords } from '@/components/words/register-words';
import type { Catalogue } from '@/lib/messages/catalogue';
import { registrationFields, type RegistrationField } from '@/lib/registration/fields';
import { fieldErrorsOf, messageOf } from '@/lib/web/action-state';
import type { RegisterState } from './submit-registration';

function labelOf(t: Catalogue['register'], field: RegistrationField, question: string): string {
  if (field === 'captchaAnswer') return t.labels.captcha(question);
  if (field.startsWith('consent')) return t.consent;
  return t.labels[field as keyof typeof t.labels] as string;
}

const ALERT = 'mb-6 rounded-md border-2 border-danger bg-red-50 p-4';

export function RegisterAlerts({ state, contact }: { state: RegisterState; contact: ReactNode }) {
  const t = useRegisterWords();
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const serverErrors = fieldErrorsOf(state);
  const summary = registrationFields.filter((f) => serverErrors[f]);

  useEffect(() => {
    if (state.status === 'conflict' || state.status === 'error' || state.status === 'limited') conflictRef.current?.focus();
    else if (Object.keys(fieldErrorsOf(state)).length > 0) summaryRef.current?.focus();
  }, [state]);

  return (
    <>
      {state.status === 'conflict' ? (
        <div ref={conflictRef} tabIndex={-1} autoFocus role="alert" className={ALERT}>
          <h2 className="mb-2 text-xl font-bold text-danger">{t.conflict.title}</h2>
          <p className="mb-2">{t.conflict.body}</p>
          <p className="mb-1">{t.conflict.contact}</p>
          {contact}
        </div>
      ) : null}
      {state.status === 'limited' || state.status === 'error' ? (
        <div ref={conflictRef} tabIndex={-1} autoFocus role="alert" className={ALERT}>
          <p>{messageOf(state)}</p>
        </div>
      ) : null}
      {summary.length > 0 ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          // Focused on arrival without JavaScript too (the server renders autofocus).
          autoFocus
          role="alert"
          aria-labelledby="error-summary-title"
          className={ALERT}
        >
          <h2 id="error-summary-title" className="mb-2 text-lg font-bold text-danger">
            {t.summaryTitle}
          </h2>
          <ul className="list-disc pl-5">
            {summary.map((f) => (
              <li key={f}>
                <a href={`#field-${f}`} className="text-danger underline">
                  {labelOf(t, f, state.captcha.question)}: {serverErrors[f]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
