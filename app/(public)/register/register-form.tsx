'use client';

import { AddressFields } from '@/components/address-fields';
import { useHydrated } from '@/components/use-hydrated';
import { useActionState, useMemo, useRef, useState, type ReactNode } from 'react';
import { Checkbox, Field, SubmitButton } from '@/components/ui';
import { useRegisterWords } from '@/components/words/register-words';
import { isBrak } from '@/lib/brak';
import { registrationFields, type FieldErrors, type RegistrationField, type RegistrationValues } from '@/lib/registration/fields';
import { fieldErrorsOf } from '@/lib/web/action-state';
import { registerAction } from './actions';
import { RegisterAlerts } from './register-alerts';
import type { RegisterState } from './submit-registration';

type Rules = Pick<typeof import('@/lib/registration/form'), 'validateRegistration' | 'smsChannelOf'>;
type ConsentField = 'consentDataProcessing' | 'consentEmail' | 'consentSms';
type TextField = Exclude<RegistrationField, ConsentField>;

/** The four values login.gov.pl gave: shown, not editable (the server uses its own copy). */
export type FixedIdentity = Pick<RegistrationValues, 'pesel' | 'firstName' | 'lastName' | 'birthDate'>;

export function RegisterForm(props: {
  initialState: RegisterState;
  fixed?: FixedIdentity | null;
  consentLabels: Record<ConsentField, string>;
  /** Beside the consents: the link to the privacy notice. */
  privacy: ReactNode;
  contact: ReactNode;
}) {
  // Success never renders here: the action redirects to /register/sent.
  const [state, formAction, pending] = useActionState(registerAction, props.initialState);
  return <FormBody key={state.submission} state={state} formAction={formAction} pending={pending} {...props} />;
}

function FormBody({
  state,
  formAction,
  pending,
  consentLabels,
  privacy,
  contact,
  fixed,
}: {
  fixed?: FixedIdentity | null;
  state: RegisterState;
  formAction: (data: FormData) => void;
  pending: boolean;
  consentLabels: Record<ConsentField, string>;
  privacy: ReactNode;
  contact: ReactNode;
}) {
  const t = useRegisterWords();
  const formRef = useRef<HTMLFormElement>(null);
  // Until hydration every conditional field is rendered, so the form works without JavaScript.
  const enhanced = useHydrated();
  const [values, setValues] = useState<RegistrationValues>(state.values);
  const [edited, setEdited] = useState<Set<RegistrationField>>(new Set());
  const [visited, setVisited] = useState<Set<RegistrationField>>(new Set());

  // The rules (zod) load when the patient first focuses a field: the page's first paint does not
  // wait for them, and the live checks only speak after a field was visited (issue 11).
  // The phone rules (libphonenumber's metadata, which tells a mobile from a landline) come in
  // the same chunk.
  const [rules, setRules] = useState<Rules | null>(null);
  const loading = useRef(false);
  const loadRules = () => {
    if (loading.current) return;
    loading.current = true;
    void import('@/lib/registration/form').then(({ validateRegistration, smsChannelOf }) =>
      setRules({ validateRegistration, smsChannelOf }),
    );
  };

  const live = useMemo(() => {
    if (!rules) return {};
    const checks = rules.validateRegistration(
      { ...values, consentDataProcessing: 'on', consentEmail: 'on', consentSms: 'on' },
      new Date(),
      t.errors,
    );
    return checks.ok ? {} : checks.fieldErrors;
  }, [values, t, rules]);

  const serverErrors = fieldErrorsOf(state);
  const errors: FieldErrors = {};
  for (const field of registrationFields) {
    if (!edited.has(field)) errors[field] = serverErrors[field];
    // Live checks speak once the patient has left the field (PESEL as soon as it is complete).
    else if (visited.has(field) || (field === 'pesel' && (values.pesel ?? '').trim().length >= 11)) {
      errors[field] = live[field];
    }
  }

  const noPesel = isBrak(values.pesel ?? '');
  const email = (values.email ?? '').trim();
  const phone = (values.phone ?? '').trim();
  const showBirthDate = !fixed && (!enhanced || noPesel);
  const showConsentEmail = !enhanced || email !== '';
  // A landline has no SMS channel: the consent is not asked, and the phone field says why.
  // Without JavaScript the box stays, with a hint that it is only for a mobile number.
  const landline = rules !== null && rules.smsChannelOf(phone) === 'landline';
  const showConsentSms = !enhanced || (phone !== '' && !isBrak(phone) && !landline);
  const optionalConsents = [
    ['consentEmail', showConsentEmail],
    ['consentSms', showConsentSms],
  ] as const;
  const login = values.login ?? '';
  const loginWarning = login.length > 0 && login.length < 8 ? t.warnings.loginShort(login.length) : undefined;

  function onInput(event: React.FormEvent<HTMLFormElement>) {
    const target = event.target as unknown as HTMLInputElement;
    if (target.type === 'checkbox' || target.type === 'hidden') return;
    const name = target.name as RegistrationField;
    setValues((v) => ({ ...v, [name]: target.value }));
    setEdited((s) => (s.has(name) ? s : new Set(s).add(name)));
  }
  function onBlur(event: React.FocusEvent<HTMLFormElement>) {
    const name = (event.target as unknown as HTMLInputElement).name as RegistrationField;
    if (name && edited.has(name)) setVisited((s) => (s.has(name) ? s : new Set(s).add(name)));
  }

  const v = state.values;
  const hints: Partial<Record<string, string>> = t.hints;
  /** A text field's name, label, hint, value and error; what login.gov.pl gave is shown read-only. */
  const field = (name: TextField) => {
    const words =
      name === 'captchaAnswer'
        ? { label: t.labels.captcha(state.captcha.question), hint: t.hints.captcha }
        : { label: t.labels[name], hint: hints[name] };
    const given = fixed?.[name as keyof FixedIdentity];
    return given !== undefined
      ? { ...words, name, defaultValue: given, readOnly: true, 'aria-readonly': true, error: undefined }
      : { ...words, name, defaultValue: v[name] ?? '', error: errors[name] };
  };

  return (
    <>
      <RegisterAlerts state={state} contact={contact} />

      <form
        ref={formRef}
        action={formAction}
        onFocus={loadRules}
        onInput={onInput}
        onBlur={onBlur}
        noValidate={enhanced}
        className="flex flex-col gap-6"
        aria-describedby={undefined}
      >
        <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <legend className="px-1 text-lg font-bold">{t.personal}</legend>
          <Field {...field('pesel')} required inputMode="text" autoComplete="off" maxLength={11} />
          {showBirthDate ? (
            // Before hydration the field is only for browsers without JavaScript: inside <noscript>
            // it takes no room where scripts run, so removing it at hydration moves nothing below
            // it (a layout shift of 0.05 on a phone, bench:pages).
            <NoScriptUntil enhanced={enhanced}>
              <Field {...field('birthDate')} type="date" autoComplete="bday" required={enhanced} />
            </NoScriptUntil>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field {...field('firstName')} required autoComplete="given-name" maxLength={50} />
            <Field {...field('lastName')} required autoComplete="family-name" maxLength={80} />
          </div>
          <Field
            {...field('login')}
            warning={loginWarning}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
          />
          <Field {...field('email')} type="email" required autoComplete="email" maxLength={254} />
          <Field
            {...field('phone')}
            warning={landline ? t.warnings.landline : undefined}
            type="text"
            inputMode="tel"
            required
            autoComplete="tel"
            maxLength={30}
          />
        </fieldset>

        <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <legend className="px-1 text-lg font-bold">{t.address}</legend>
          <AddressFields field={field} />
        </fieldset>

        <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <legend className="px-1 text-lg font-bold">{t.validation}</legend>
          <input type="hidden" name="captchaToken" value={state.captcha.token} />
          <Field {...field('captchaAnswer')} required inputMode="numeric" autoComplete="off" maxLength={4} className="sm:max-w-xs" />
          <Checkbox
            name="consentDataProcessing"
            label={consentLabels.consentDataProcessing}
            required
            defaultChecked={v.consentDataProcessing === 'on'}
            error={errors.consentDataProcessing}
          />
          {optionalConsents.map(([name, shown]) =>
            shown ? (
              <Checkbox
                key={name}
                name={name}
                label={consentLabels[name]}
                hint={name === 'consentSms' ? t.hints.consentSms : undefined}
                required={enhanced}
                defaultChecked={v[name] === 'on'}
                error={errors[name]}
              />
            ) : null,
          )}
          {privacy}
        </fieldset>

        <SubmitButton pending={pending}>{t.submit}</SubmitButton>
      </form>
    </>
  );
}

/** `children` as they are once hydrated; before that, for browsers without JavaScript only. */
function NoScriptUntil({ enhanced, children }: { enhanced: boolean; children: ReactNode }) {
  return enhanced ? children : <noscript>{children}</noscript>;
}
