// The one state shape of the account's forms (settings, erasure), for useActionState: what went
// wrong, per field, and the text values to type again (never a password).
import type { PasswordRule } from '@/lib/password-policy';

export interface AccountFormState {
  status: 'idle' | 'invalid' | 'conflict' | 'limited' | 'error' | 'gone';
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** For 'limited': how long to wait, in words. */
  message?: string;
  /** For the password change: the rules the new password breaks. */
  broken?: PasswordRule[];
  /** Counts the answers, so a form can tell one refusal from the next. */
  submission: number;
}

export const idleFormState: AccountFormState = { status: 'idle', fieldErrors: {}, values: {}, submission: 0 };
