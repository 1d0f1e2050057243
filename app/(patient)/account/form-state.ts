// The one state shape of the account's forms (settings, erasure), for useActionState: the kit's
// ActionState with the account's own refusals, and the rules a new password breaks.
import type { PasswordRule } from '@/lib/password-policy';
import { initialState, type ActionState } from '@/lib/web/action-state';

/** `conflict`: an address of another account (registration's neutral words); `gone`: the account can no longer be changed. */
export type AccountFormState = ActionState<'conflict' | 'gone', string, { broken?: PasswordRule[] }>;

export const idleFormState: AccountFormState = initialState();
