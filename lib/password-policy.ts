// Password rules (SPEC §9), pure so the browser can show a live checklist. The common-password
// check needs large lists and is plugged in by the server (lib/common-passwords.ts, through
// lib/auth/password-check.ts).

export type PasswordPolicy = 'strong' | 'length';

export type PasswordRule =
  'minLength' | 'maxLength' | 'upper' | 'lower' | 'digit' | 'special' | 'notCommon' | 'noLogin' | 'noPesel' | 'repeat';

export const MAX_PASSWORD_LENGTH = 128;
export const minLength = (policy: PasswordPolicy) => (policy === 'strong' ? 8 : 15);

export interface PasswordContext {
  policy: PasswordPolicy;
  login?: string | null;
  pesel?: string | null;
  repeat?: string;
  isCommon?: (password: string) => boolean;
}

const length = (password: string) => Array.from(password.normalize('NFC')).length;

/** The rules that apply under a policy, in the order they are shown. */
export function rulesOf(policy: PasswordPolicy): PasswordRule[] {
  const composition: PasswordRule[] = policy === 'strong' ? ['upper', 'lower', 'digit', 'special'] : [];
  return ['minLength', 'maxLength', ...composition, 'notCommon', 'noLogin', 'noPesel', 'repeat'];
}

/** The rules the password breaks; empty when it is acceptable. */
export function checkPassword(typed: string, context: PasswordContext): PasswordRule[] {
  // Keyboards may send decomposed letters (z + combining dot); judge the composed form.
  const password = typed.normalize('NFC');
  const n = length(password);
  const lower = password.toLowerCase();
  const broken: Record<PasswordRule, boolean> = {
    minLength: n < minLength(context.policy),
    maxLength: n > MAX_PASSWORD_LENGTH,
    upper: !/\p{Lu}/u.test(password),
    lower: !/\p{Ll}/u.test(password),
    digit: !/\p{Nd}/u.test(password),
    // Anything that is neither a letter (with its marks), a digit 0–9 nor white space.
    special: !/[^\p{L}\p{M}\p{Nd}\s]/u.test(password),
    notCommon: context.isCommon?.(password) ?? false,
    noLogin: !!context.login && context.login.length >= 3 && lower.includes(context.login.toLowerCase()),
    noPesel: !!context.pesel && password.includes(context.pesel),
    repeat: context.repeat !== undefined && context.repeat !== password,
  };
  return rulesOf(context.policy).filter((rule) => broken[rule]);
}
