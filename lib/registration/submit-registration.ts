// The server-side entry point of the registration form: takes a submission of any shape and
// always answers with a typed state (never throws for bad input).
import type { Db } from '@/db/client';
import { checkChallenge, createChallenge, type CaptchaChallenge } from '@/lib/captcha';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import { pl } from '@/lib/messages/pl';
import { keepValues, validateRegistration, type FieldErrors, type RegistrationValues } from './form';
import { registerPatient } from './register-patient';

export type RegisterState =
  | {
      status: 'idle' | 'invalid' | 'conflict' | 'error' | 'limited';
      fieldErrors: FieldErrors;
      values: RegistrationValues;
      captcha: CaptchaChallenge;
      submission: number;
      /** For 'limited': how long to wait, in words. */
      message?: string;
    }
  | { status: 'registered' };

export function initialRegisterState(): RegisterState {
  return { status: 'idle', fieldErrors: {}, values: {}, captcha: createChallenge(env.AUTH_SECRET), submission: 0 };
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** Counter echoed back so the form can tell one answer from the next. */
  submission?: number;
}

export async function submitRegistration(
  db: Db,
  raw: Record<string, unknown>,
  meta: RequestMeta,
): Promise<RegisterState> {
  const secret = env.AUTH_SECRET;
  const values = keepValues(raw);
  const submission = (meta.submission ?? 0) + 1;
  const validation = validateRegistration(raw);
  const token = typeof raw.captchaToken === 'string' ? raw.captchaToken.slice(0, 1000) : '';
  const answer = typeof raw.captchaAnswer === 'string' ? raw.captchaAnswer.slice(0, 10) : '';
  const captcha = checkChallenge(secret, token, answer);

  const fresh = (): { captcha: CaptchaChallenge; values: RegistrationValues } => ({
    captcha: createChallenge(secret),
    values: { ...values, captchaAnswer: '' },
  });

  if (!validation.ok || !captcha.ok) {
    const fieldErrors: FieldErrors = validation.ok ? {} : { ...validation.fieldErrors };
    if (!captcha.ok) {
      fieldErrors.captchaAnswer =
        captcha.reason === 'expired' ? pl.register.errors.captchaExpired
        : answer.trim() === '' ? pl.register.errors.required
        : pl.register.errors.captchaWrong;
      return { status: 'invalid', fieldErrors, submission, ...fresh() };
    }
    // The challenge was solved and not used up: keep it so the patient need not solve another.
    return { status: 'invalid', fieldErrors, submission, values, captcha: { question: captcha.question, token } };
  }

  try {
    const outcome = await registerPatient(db, validation.data, {
      captcha: { nonce: captcha.nonce, expiresAt: captcha.expiresAt },
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    if (outcome.status === 'registered') return { status: 'registered' };
    if (outcome.status === 'conflict') return { status: 'conflict', fieldErrors: {}, submission, ...fresh() };
    return { status: 'invalid', fieldErrors: outcome.fieldErrors, submission, ...fresh() };
  } catch (error) {
    logError('registration failed', error);
    return { status: 'error', fieldErrors: {}, submission, ...fresh() };
  }
}


/** The answer to a visitor over a rate limit: the form as typed, a new question, the wait. */
export function limitedRegisterState(raw: Record<string, unknown>, submission: number, message: string): RegisterState {
  return {
    status: 'limited',
    fieldErrors: {},
    values: { ...keepValues(raw), captchaAnswer: '' },
    captcha: createChallenge(env.AUTH_SECRET),
    submission: submission + 1,
    message,
  };
}
