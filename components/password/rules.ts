import type { Catalogue } from '@/lib/messages/catalogue';
import { minLength, type PasswordPolicy, type PasswordRule } from '@/lib/password-policy';

/** A password rule in the words `t` (a client component's `useWords()`, a server's `words()`). */
export function ruleText(rule: PasswordRule, policy: PasswordPolicy, t: Catalogue): string {
  const r = t.activate.rules;
  return rule === 'minLength' ? r.minLength(minLength(policy)) : r[rule];
}
