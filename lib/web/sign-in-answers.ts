// Signing in and the second factor in words. The steps (lib/auth/sign-in-flow.ts) and the
// enrolment (lib/auth/mfa.ts) return codes; the actions of the sign-in pages and of the patient's
// MFA page answer with these, in the words `t` of the request's language.
import type { StepResult } from '@/lib/auth/sign-in-flow';
import type { Catalogue } from '@/lib/messages/catalogue';
import type { Reply, Values } from './action';

/** A refused step in words: the same `failed` words ("wrong login or password") whether the login exists or not. */
export function refusedStep<Field extends string>(
  reply: Reply,
  result: Extract<StepResult, { status: 'refused' }>,
  failed: string,
  t: Catalogue,
  values: Values<Field> = {},
) {
  switch (result.reason) {
    case 'blocked':
      return reply.refused('blocked', t.signIn.blocked, values);
    case 'limited':
      return reply.limited(result.retryAfterSeconds, values);
    default:
      return reply.refused('failed', failed, values);
  }
}

/** An enrolment code that cannot be right (none typed, or not six digits) in words; null when it may be. */
export function malformedEnrolmentCode(reply: Reply, code: string, t: Catalogue) {
  if (/^\d{6}$/.test(code)) return null;
  return code ? reply.refused('failed', t.mfa.failed) : reply.refused('required', t.mfa.required);
}
