import type { Catalogue } from '@/lib/messages/catalogue';
import { pl } from '@/lib/messages/pl';
import { minLength, type PasswordPolicy, type PasswordRule } from '@/lib/password-policy';

/** A password rule in the words `t` (a client component's `useWords()`; Polish until every caller passes them). */
export function ruleText(rule: PasswordRule, policy: PasswordPolicy, t: Catalogue = pl): string {
  const r = t.activate.rules;
  return rule === 'minLength' ? r.minLength(minLength(policy)) : r[rule];
}
