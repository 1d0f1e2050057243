// The one answer of every form's server action, shared by the action (server) and the form
// (browser, useActionState). Types and pure helpers only, so client components may import it.

/** Text fields to fill in again after a refusal, as typed. Never a password. */
export type Values<Field extends string = string> = Partial<Record<Field, string>>;

/** What is wrong with each field, in words: every field with a problem, not only the first. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, string>>;

/** Refusals any form may meet: too many attempts, or an unexpected failure (logged, told in general words). */
export type CommonRefusal = 'limited' | 'error';

type NoExtra = Record<never, never>;

/**
 * What a form's action answered. `status` says what happened: `idle` before the first post,
 * `ok` when the page stays and shows a result, `invalid` with an error for each wrong field, or
 * a refusal `Code` of the form with its `message`. `submission` counts the answers so a form can
 * tell one refusal from the next; `values` refills the text fields. `Extra` carries what one
 * form needs besides (the registration's captcha question, a password's broken rules).
 */
export type ActionState<Code extends string = never, Field extends string = string, Extra extends object = NoExtra> = Extra & {
  submission: number;
  values: Values<Field>;
} & (
    | { status: 'idle' }
    | { status: 'ok' }
    | { status: 'invalid'; fieldErrors: FieldErrors<Field> }
    | { status: Code | CommonRefusal; message: string }
  );

/** The state of a form nobody has posted yet. */
export const initialState = <Field extends string = string>(values: Values<Field> = {}) => ({
  status: 'idle' as const,
  submission: 0,
  values,
});

/** The field errors of an answer (none unless it is `invalid`). */
export function fieldErrorsOf<Field extends string>(state: { status: string; fieldErrors?: FieldErrors<Field> }): FieldErrors<Field> {
  return state.status === 'invalid' && state.fieldErrors ? state.fieldErrors : {};
}

/** The words of a refusal, if the answer is one. */
export function messageOf(state: { status: string; message?: string }): string | undefined {
  return 'message' in state ? state.message : undefined;
}
