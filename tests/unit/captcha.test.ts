import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CAPTCHA_TTL_MS, checkChallenge, createChallenge, solveQuestion } from '@/lib/captcha';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2025, 5, 15, 10, 0, 0);
const MINUS = '\u2212';

function solved(now = NOW) {
  const challenge = createChallenge(SECRET, now);
  const answer = solveQuestion(challenge.question);
  if (answer === null) throw new Error(`unparseable question ${challenge.question}`);
  return { ...challenge, answer: String(answer) };
}

const decode = (data: string) => JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Record<string, unknown>;
const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

/** Replaces one character of `s` at `i` with a different base64url character. */
function flip(s: string, i: number): string {
  const c = s[i] === 'A' ? 'B' : 'A';
  return s.slice(0, i) + c + s.slice(i + 1);
}

describe('createChallenge', () => {
  it('asks a question of the form "a + b" or "a − b" with numbers of one or two digits', () => {
    const { question } = createChallenge(SECRET, NOW);
    expect(question).toMatch(/^\d{1,2} [+\u2212] \d{1,2}$/);
  });

  it('returns a token made of a payload and a signature separated by one dot', () => {
    const { token } = createChallenge(SECRET, NOW);
    expect(token.split('.')).toHaveLength(2);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('gives every challenge its own nonce', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const { token, answer } = solved();
      const check = checkChallenge(SECRET, token, answer, NOW);
      if (!check.ok) throw new Error('expected a solved challenge to pass');
      nonces.add(check.nonce);
    }
    expect(nonces.size).toBe(500);
  });

  it('asks both additions and subtractions', () => {
    const ops = new Set<string>();
    for (let i = 0; i < 200; i++) ops.add(createChallenge(SECRET, NOW).question.split(' ')[1]!);
    expect(ops).toEqual(new Set(['+', MINUS]));
  });

  it('always asks a question whose result is a whole number from 0 to 99', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (now) => {
        const { question, token } = createChallenge(SECRET, now);
        const answer = solveQuestion(question);
        expect(answer).not.toBeNull();
        expect(Number.isInteger(answer)).toBe(true);
        expect(answer).toBeGreaterThanOrEqual(0);
        expect(answer).toBeLessThanOrEqual(99);
        expect(checkChallenge(SECRET, token, String(answer), now).ok).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('checkChallenge', () => {
  it('accepts a solved challenge and returns its nonce, expiry and question', () => {
    const { question, token, answer } = solved();
    const check = checkChallenge(SECRET, token, answer, NOW);
    expect(check).toEqual({
      ok: true,
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      expiresAt: new Date(NOW + CAPTCHA_TTL_MS),
      question,
    });
  });

  it('sets the expiry to 15 minutes', () => {
    expect(CAPTCHA_TTL_MS).toBe(15 * 60 * 1000);
  });

  it('accepts the answer with surrounding spaces', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, token, `  ${answer}\t`, NOW).ok).toBe(true);
  });

  it('rejects a wrong answer with "wrong"', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, token, String(Number(answer) + 1), NOW)).toEqual({ ok: false, reason: 'wrong' });
  });

  it.each(['', ' ', 'abc', '1e1', '12.0', '0x0c', '+12', '1 2', '1234'])('rejects the non-answer %j with "wrong"', (answer) => {
    const { token } = solved();
    expect(checkChallenge(SECRET, token, answer, NOW)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('rejects a token whose payload was changed (same signature) with "invalid"', () => {
    const { token } = solved();
    const [data, signature] = token.split('.') as [string, string];
    const payload = decode(data);
    const forged = encode({ ...payload, q: '1 + 1' });
    expect(checkChallenge(SECRET, `${forged}.${signature}`, '2', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects a token whose expiry was extended (same signature) with "invalid"', () => {
    const { token, answer } = solved();
    const [data, signature] = token.split('.') as [string, string];
    const forged = encode({ ...decode(data), e: NOW + 10 * CAPTCHA_TTL_MS });
    expect(checkChallenge(SECRET, `${forged}.${signature}`, answer, NOW + 2 * CAPTCHA_TTL_MS)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('rejects a token with any single changed character with "invalid"', () => {
    const { token, answer } = solved();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: token.length - 1 }), (i) => {
        fc.pre(token[i] !== '.');
        expect(checkChallenge(SECRET, flip(token, i), answer, NOW)).toEqual({ ok: false, reason: 'invalid' });
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a token with a changed signature with "invalid"', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, flip(token, token.length - 2), answer, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('rejects a truncated token with "invalid"', () => {
    const { token, answer } = solved();
    const dot = token.indexOf('.');
    for (const truncated of [token.slice(0, -1), token.slice(0, dot + 1), token.slice(0, dot), token.slice(0, 5)]) {
      expect(checkChallenge(SECRET, truncated, answer, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('rejects a token with an extra dot-separated part with "invalid"', () => {
    const { token, answer } = solved();
    for (const extended of [`${token}.`, `${token}.x`, `.${token}`, token.replace('.', '..')]) {
      expect(checkChallenge(SECRET, extended, answer, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it.each(['', '.', '..', 'garbage', 'a.b', 'a.b.c', '{"q":"1 + 1"}', '%00.%00', 'ż.ó'])(
    'rejects the garbage token %j with "invalid"',
    (token) => {
      expect(checkChallenge(SECRET, token, '2', NOW)).toEqual({ ok: false, reason: 'invalid' });
    },
  );

  it('never throws for any token and answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 10 }), (token, answer) => {
        const check = checkChallenge(SECRET, token, answer, NOW);
        expect(check).toEqual({ ok: false, reason: 'invalid' });
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a challenge signed with another secret with "invalid"', () => {
    const { token, answer } = solved();
    expect(checkChallenge('another-secret', token, answer, NOW)).toEqual({ ok: false, reason: 'invalid' });
    const foreign = createChallenge('another-secret', NOW);
    expect(checkChallenge(SECRET, foreign.token, String(solveQuestion(foreign.question)), NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('accepts a challenge up to the moment it expires, 15 minutes after it was created', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, token, answer, NOW + CAPTCHA_TTL_MS - 1).ok).toBe(true);
    expect(checkChallenge(SECRET, token, answer, NOW + CAPTCHA_TTL_MS).ok).toBe(true);
  });

  it('rejects a challenge answered more than 15 minutes after it was created with "expired"', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, token, answer, NOW + CAPTCHA_TTL_MS + 1)).toEqual({ ok: false, reason: 'expired' });
    expect(checkChallenge(SECRET, token, answer, NOW + 24 * 3600_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('reports an expired challenge as "expired" even when the answer is wrong', () => {
    const { token, answer } = solved();
    expect(checkChallenge(SECRET, token, String(Number(answer) + 1), NOW + CAPTCHA_TTL_MS + 1)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('uses the real clock when no "now" is given', () => {
    const fresh = createChallenge(SECRET);
    expect(checkChallenge(SECRET, fresh.token, String(solveQuestion(fresh.question))).ok).toBe(true);
    const old = createChallenge(SECRET, Date.now() - CAPTCHA_TTL_MS - 60_000);
    expect(checkChallenge(SECRET, old.token, String(solveQuestion(old.question)))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('solveQuestion', () => {
  it.each([
    ['7 + 5', 12],
    ['49 + 49', 98],
    ['0 + 0', 0],
    [`12 ${MINUS} 5`, 7],
    [`59 ${MINUS} 59`, 0],
    [`5 ${MINUS} 12`, -7],
    ['  7 + 5\n', 12],
  ])('solves %j as %i', (question, answer) => {
    expect(solveQuestion(question)).toBe(answer);
  });

  it.each(['', 'abc', '7 * 5', '7 / 5', '100 + 1', '7+5', '7 +5', '7 + 5 + 1', 'siedem + pięć'])(
    'returns null for %j, which is not a captcha question',
    (question) => {
      expect(solveQuestion(question)).toBeNull();
    },
  );

  it('solves every sum and difference of one- or two-digit numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (a, b, plus) => {
        expect(solveQuestion(`${a} ${plus ? '+' : MINUS} ${b}`)).toBe(plus ? a + b : a - b);
      }),
    );
  });
});
