// Server-side password check: the pure rules plus the common-password lists.
import { isCommonPassword } from '@/lib/common-passwords';
import { env } from '@/lib/env';
import { checkPassword, type PasswordContext, type PasswordRule } from '@/lib/password-policy';

export { isCommonPassword };

export function checkPasswordOnServer(password: string, context: Omit<PasswordContext, 'policy' | 'isCommon'>): PasswordRule[] {
  return checkPassword(password, { ...context, policy: env.PASSWORD_POLICY, isCommon: isCommonPassword });
}
