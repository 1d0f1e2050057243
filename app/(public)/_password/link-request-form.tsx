'use client';

import { useActionState } from 'react';
import { LabelledInput, SubmitButton } from '@/components/ui';
import { initialState, messageOf } from '@/lib/web/action-state';
import type { LinkRequestState } from './link-request';

/** One field, one button, and the same answer whatever was typed. */
export function LinkRequestForm(props: {
  action: (state: LinkRequestState, data: FormData) => Promise<LinkRequestState>;
  name: string;
  label: string;
  type: 'email' | 'text';
  autoComplete: string;
  submit: string;
  sentMessage: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialState() as LinkRequestState);
  const limited = messageOf(state);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <div role="status">
        {state.status === 'ok' ? <p className="rounded-md border border-green-700 bg-green-50 p-3">{props.sentMessage}</p> : null}
      </div>
      {limited ? (
        <p role="alert" className="rounded-md border-2 border-danger bg-red-50 p-3">
          {limited}
        </p>
      ) : null}
      <LabelledInput
        id={props.name}
        name={props.name}
        label={props.label}
        type={props.type}
        autoComplete={props.autoComplete}
        required
        maxLength={254}
      />
      <SubmitButton pending={pending}>{props.submit}</SubmitButton>
    </form>
  );
}
