// Server-side password check: the pure rules plus the common-password list.
import { dictionary } from '@zxcvbn-ts/language-common';
import { env } from '@/lib/env';
import { checkPassword, type PasswordContext, type PasswordRule } from '@/lib/password-policy';

let common: Set<string> | undefined;

/**
 * On the list as typed (case-insensitive), or once the usual decorations are peeled off:
 * "Password123!" is "password" with a capital, digits and a symbol.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  const base = lower.replace(/[^\p{L}]+$/u, '').replace(/^[^\p{L}]+/u, '');
  return base.length >= 4 && base !== lower && common.has(base);
}

export function checkPasswordOnServer(password: string, context: Omit<PasswordContext, 'policy' | 'isCommon'>): PasswordRule[] {
  return checkPassword(password, { ...context, policy: env.PASSWORD_POLICY, isCommon: isCommonPassword });
}
