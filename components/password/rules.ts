import { pl } from '@/lib/messages/pl';
import { minLength, type PasswordPolicy, type PasswordRule } from '@/lib/password-policy';

export function ruleText(rule: PasswordRule, policy: PasswordPolicy): string {
  const r = pl.activate.rules;
  return rule === 'minLength' ? r.minLength(minLength(policy)) : r[rule];
}
