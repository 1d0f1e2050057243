'use client';

import { AddressFields } from '@/components/address-fields';
import { useHydrated } from '@/components/use-hydrated';
import { useActionState, useMemo, useState } from 'react';
import { Field, SubmitButton } from '@/components/ui';
import { useWords } from '@/components/words-provider';
import { contactFields, validateContactDetails, type ContactField } from '@/lib/account/contact-form';
import { fieldErrorsOf } from '@/lib/web/action-state';
import { idleFormState, type AccountFormState } from '../form-state';
import { FormProblems } from '../form-problems';
import { updateContactAction } from './actions';

/** Phone and address with the registration form's labels, rules and live checks. */
export function ContactForm({ initial }: { initial: Record<ContactField, string> }) {
  const [state, formAction, pending] = useActionState(updateContactAction, idleFormState);
  return <ContactFields key={state.submission} state={state} formAction={formAction} pending={pending} initial={initial} />;
}

function ContactFields({
  state,
  formAction,
  pending,
  initial,
}: {
  state: AccountFormState;
  formAction: (data: FormData) => void;
  pending: boolean;
  initial: Record<ContactField, string>;
}) {
  const start = state.status === 'idle' ? initial : { ...initial, ...state.values };
  const [values, setValues] = useState<Record<string, string>>(start);
  const [visited, setVisited] = useState<Set<string>>(new Set());
  const enhanced = useHydrated();
  const w = useWords();
  const { labels } = w.register;
  const hints: Partial<Record<string, string>> = w.register.hints;
  const live = useMemo(() => {
    const checked = validateContactDetails(values, w.register.errors);
    return checked.ok ? {} : checked.fieldErrors;
  }, [values, w]);
  // Live checks speak once the patient has left a field they changed.
  const errorOf = (name: ContactField) => (visited.has(name) ? live[name] : fieldErrorsOf(state)[name]);
  const field = (name: ContactField) => ({
    name,
    label: labels[name],
    hint: hints[name],
    defaultValue: start[name] ?? '',
    error: errorOf(name),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    onBlur: () => setVisited((s) => (s.has(name) ? s : new Set(s).add(name))),
  });
  const problems = Object.fromEntries(contactFields.map((f) => [f, [`field-${f}`, labels[f]] as [string, string]]));

  return (
    <form action={formAction} noValidate={enhanced} className="flex flex-col gap-4">
      <FormProblems state={state} fields={problems} />
      <Field {...field('phone')} type="text" inputMode="tel" required autoComplete="tel" maxLength={30} />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-bold">{w.register.address}</legend>
        <AddressFields field={field} />
      </fieldset>
      <SubmitButton pending={pending}>{w.selfService.settings.contact.submit}</SubmitButton>
    </form>
  );
}
