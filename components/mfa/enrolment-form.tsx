'use client';

// Enrolling a TOTP second factor: the QR code (server-made SVG), the same secret as text, one
// "Kod" field; after the first good code, the recovery codes, shown once.
import { useActionState, useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert';
import { Field, SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { initialState, messageOf, type ActionState } from '@/lib/web/action-state';
import type { CodeRefusal } from './code-form';

/** After the first good code: `ok` with the recovery codes, shown once. */
export type EnrolState = ActionState<CodeRefusal, 'code', { recoveryCodes?: string[] }>;

export interface EnrolmentProps {
  enrolment: { secret: string; qrSvg: string } | null;
  confirm: (state: EnrolState, form: FormData) => Promise<EnrolState>;
  /** Shown under the recovery codes: a form that goes on (sign-in) or a link back. */
  after: React.ReactNode;
}

/** The base32 secret in groups of four, easier to read aloud and to type. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

export function EnrolmentForm({ enrolment, confirm, after }: EnrolmentProps) {
  const t = useWords().mfa;
  const [state, formAction, pending] = useActionState(confirm, initialState() as EnrolState);
  const codesRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.recoveryCodes) codesRef.current?.focus();
  }, [state]);

  if (state.recoveryCodes || !enrolment) {
    return (
      <section aria-labelledby="recovery-title" className="flex flex-col gap-4">
        {state.recoveryCodes ? (
          <>
            <p role="status" className="font-semibold text-green-800">
              {t.enabled}
            </p>
            <h2 id="recovery-title" ref={codesRef} tabIndex={-1} className="text-lg font-bold">
              {t.recoveryTitle}
            </h2>
            <p>{t.recoveryIntro}</p>
            <ul data-recovery-codes className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg">
              {state.recoveryCodes.map((code) => (
                <li key={code} className="rounded border border-slate-300 bg-slate-50 px-2 py-1">
                  {code}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p id="recovery-title" role="status" className="font-semibold text-green-800">
            {t.enabled}
          </p>
        )}
        <div>{after}</div>
      </section>
    );
  }

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormAlert message={messageOf(state)} answer={state} />
      <p>{t.enrolStep1}</p>
      <div
        role="img"
        aria-label={t.qrAlt}
        className="h-48 w-48 bg-white p-1 [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p>{t.enrolStep2}</p>
      <p>
        <span className="sr-only">{t.secretLabel}: </span>
        <code data-totp-secret={enrolment.secret} className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-lg">
          {grouped(enrolment.secret)}
        </code>
      </p>
      <p>{t.enrolStep3}</p>
      <Field
        name="code"
        label={t.code}
        hint={t.enrolCodeHint}
        required
        inputMode="numeric"
        pattern="[0-9]{6}"
        autoComplete="one-time-code"
        maxLength={6}
        className="max-w-xs"
      />
      <SubmitButton pending={pending}>{t.enrolSubmit}</SubmitButton>
    </form>
  );
}
