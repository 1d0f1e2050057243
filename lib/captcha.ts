// Arithmetic captcha (SPEC §7): a signed, expiring question; replay is refused by the caller,
// which records each challenge's nonce in the database (used_captchas, in registerPatient's transaction).
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { safeEqual } from './secret-tokens';

export const CAPTCHA_TTL_MS = 15 * 60 * 1000;

export interface CaptchaChallenge {
  /** e.g. `7 + 5` */
  question: string;
  /** Signed payload the form posts back as `captchaToken`. */
  token: string;
}

interface Payload {
  q: string;
  n: string; // nonce
  e: number; // expiry, ms since epoch
}

function sign(secret: string, data: string): string {
  return createHmac('sha256', `captcha:${secret}`).update(data).digest('base64url');
}

function answerOf(question: string): number | null {
  const m = /^(\d{1,2}) ([+−]) (\d{1,2})$/.exec(question);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[3]);
  return m[2] === '+' ? a + b : a - b;
}

export function createChallenge(secret: string, now = Date.now()): CaptchaChallenge {
  let question: string;
  if (randomInt(2) === 0) {
    question = `${randomInt(1, 50)} + ${randomInt(1, 50)}`;
  } else {
    const a = randomInt(2, 60);
    question = `${a} − ${randomInt(1, a)}`;
  }
  const payload: Payload = { q: question, n: randomBytes(16).toString('base64url'), e: now + CAPTCHA_TTL_MS };
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { question, token: `${data}.${sign(secret, data)}` };
}

export type CaptchaCheck =
  { ok: true; nonce: string; expiresAt: Date; question: string } | { ok: false; reason: 'invalid' | 'expired' | 'wrong' };

/** Checks signature, expiry and answer. Whether the nonce was used before is the caller's job. */
export function checkChallenge(secret: string, token: string, answer: string, now = Date.now()): CaptchaCheck {
  const [data, signature, ...rest] = token.split('.');
  if (!data || !signature || rest.length > 0 || !safeEqual(signature, sign(secret, data))) {
    return { ok: false, reason: 'invalid' };
  }
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Payload;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const expected = answerOf(String(payload.q));
  if (expected === null || typeof payload.n !== 'string' || typeof payload.e !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  if (payload.e < now) return { ok: false, reason: 'expired' };
  const given = answer.trim();
  if (!/^-?\d{1,3}$/.test(given) || Number(given) !== expected) return { ok: false, reason: 'wrong' };
  return { ok: true, nonce: payload.n, expiresAt: new Date(payload.e), question: String(payload.q) };
}

/** For tests and the e2e suite: the answer to a question as shown on the page. */
export function solveQuestion(question: string): number | null {
  return answerOf(question.trim());
}
