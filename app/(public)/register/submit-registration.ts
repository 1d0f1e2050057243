// Everything a post of the registration form goes through before and after the use case, in
// one place: the rate limits, the captcha, the form's rules (lib/registration/form.ts), the use
// case (lib/registration/register-patient.ts) with its codes put into words, and the form given
// back for another try. Any submission of any shape gets a typed answer (never a throw).
import type { Db } from '@/db/client';
import { checkChallenge, createChallenge, type CaptchaChallenge } from '@/lib/captcha';
import { env } from '@/lib/env';
import { defaultLocale, type Locale } from '@/lib/i18n/locales';
import { wordsFor } from '@/lib/messages';
import { countRegistration } from '@/lib/metrics';
import {
  keepValues,
  validateRegistration,
  type FieldErrors,
  type RegistrationField,
  type RegistrationValues,
} from '@/lib/registration/form';
import type { RegistrationRefusals } from '@/lib/registration/outcomes';
import { registerPatient } from '@/lib/registration/register-patient';
import { consume } from '@/lib/security/rate-limit';
import { nameAsWritten } from '@/lib/text';
import type { NodeIdentity } from '@/lib/wk/held-identity';
import { attempt, rateLimited, replyTo, type ActionState } from '@/lib/web/action';

/** The form's state: every answer but success carries a captcha question (a new one, or the solved one kept). */
export type RegisterState = ActionState<'conflict', RegistrationField, { captcha: CaptchaChallenge }>;

/** What `submitRegistration` answers: the form's state, or the news that the account exists. */
export type RegistrationAnswer = RegisterState | { status: 'registered' };

export function initialRegisterState(): RegisterState {
  return { status: 'idle', values: {}, captcha: createChallenge(env.AUTH_SECRET), submission: 0 };
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** The language the form is answered in and the account's emails will be written in. */
  locale?: Locale;
  /** The form's previous state: answers are numbered after it, so the form can tell one from the next. */
  previous?: unknown;
  /**
   * The person as login.gov.pl told us (held on the server, lib/wk/held-identity.ts): their
   * PESEL, names and birth date replace whatever the form says, and the account is verified.
   */
  held?: NodeIdentity | null;
}

/** The form with the node's four values in place of the typed ones. */
function withHeld(raw: Record<string, unknown>, held: NodeIdentity | null | undefined): Record<string, unknown> {
  if (!held) return raw;
  return {
    ...raw,
    pesel: held.pesel,
    birthDate: held.birthDate,
    firstName: nameAsWritten(held.firstName),
    lastName: nameAsWritten(held.lastName),
  };
}

const refusalWords = (refusals: RegistrationRefusals, e: ReturnType<typeof wordsFor>['register']['errors']): FieldErrors => ({
  ...(refusals.login === 'taken' ? { login: e.loginTaken } : {}),
  ...(refusals.captchaAnswer === 'used' ? { captchaAnswer: e.captchaExpired } : {}),
});

/** The captcha, the rules and the use case (no rate limits: `handleRegistration` puts them in front). */
export async function submitRegistration(db: Db, typed: Record<string, unknown>, meta: RequestMeta): Promise<RegistrationAnswer> {
  const raw = withHeld(typed, meta.held);
  const secret = env.AUTH_SECRET;
  const locale = meta.locale ?? defaultLocale;
  const t = wordsFor(locale);
  const e = t.register.errors;
  const reply = replyTo(meta.previous, t);
  const values = keepValues(raw);
  const validation = validateRegistration(raw, new Date(), e);
  const token = typeof raw.captchaToken === 'string' ? raw.captchaToken.slice(0, 1000) : '';
  const answer = typeof raw.captchaAnswer === 'string' ? raw.captchaAnswer.slice(0, 10) : '';
  const captcha = checkChallenge(secret, token, answer);

  // The form as typed with a new question; a captcha answer is never given back.
  const fresh = (): { captcha: CaptchaChallenge; values: RegistrationValues } => ({
    captcha: createChallenge(secret),
    values: { ...values, captchaAnswer: '' },
  });

  if (!validation.ok || !captcha.ok) {
    const fieldErrors: FieldErrors = validation.ok ? {} : { ...validation.fieldErrors };
    if (!captcha.ok) {
      fieldErrors.captchaAnswer = captcha.reason === 'expired' ? e.captchaExpired : answer.trim() === '' ? e.required : e.captchaWrong;
      return { ...reply.invalid(fieldErrors), ...fresh() };
    }
    // The challenge was solved and not used up: keep it so the patient need not solve another.
    return { ...reply.invalid(fieldErrors, values), captcha: { question: captcha.question, token } };
  }

  const outcome = await attempt('registration failed', () =>
    registerPatient(db, validation.data, {
      captcha: { nonce: captcha.nonce, expiresAt: captcha.expiresAt },
      ip: meta.ip,
      userAgent: meta.userAgent,
      locale,
      ...(meta.held ? { verifiedBy: { method: 'login.gov.pl' as const, loa: meta.held.loa, means: meta.held.means } } : {}),
    }),
  );
  if (!outcome) return { ...reply.refused('error', e.generic), ...fresh() };
  if (outcome.status === 'registered') return { status: 'registered' };
  if (outcome.status === 'conflict') return { ...reply.refused('conflict', t.register.conflict.body), ...fresh() };
  return { ...reply.invalid(refusalWords(outcome.fieldErrors, e)), ...fresh() };
}

/**
 * A post of the form from the client at `meta.ip`: over a limit it gets the form as typed, a new
 * question and the wait; else `submitRegistration`, with a wrong captcha answer counted on its
 * own (guessing is what bots do).
 */
export async function handleRegistration(db: Db, raw: Record<string, unknown>, meta: RequestMeta): Promise<RegistrationAnswer> {
  const wait = (await rateLimited(db, 'captcha', meta.ip, 'peek')) ?? (await rateLimited(db, 'register', meta.ip, 'consume'));
  if (wait !== null) {
    const values = { ...keepValues(raw), captchaAnswer: '' };
    return {
      ...replyTo(meta.previous, wordsFor(meta.locale ?? defaultLocale)).limited(wait, values),
      captcha: createChallenge(env.AUTH_SECRET),
    };
  }
  const answer = await submitRegistration(db, raw, meta);
  countRegistration(answer.status);
  if (answer.status === 'invalid' && answer.fieldErrors.captchaAnswer) await consume(db, 'captcha', meta.ip);
  return answer;
}
