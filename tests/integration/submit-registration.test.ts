// The form's server-side entry point against hostile input: always a typed state, never a
// throw, and nothing written unless the submission is valid.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registrationFields } from '@/lib/registration/fields';
import { validateRegistration } from '@/lib/registration/form';
import { handleRegistration, submitRegistration } from '@/app/(public)/register/submit-registration';
import { describeEachDatabase, openTestDatabase, type TestDatabase } from '../helpers/databases';
import { validForm } from '../helpers/registration';
import { rowCounts } from '../helpers/rows';
import { pl } from '@/lib/messages/pl';

// Every field the form posts, from the product's own list so that a field added to the form is
// attacked too, and the captcha's hidden token. (The names are the contract of SPEC §3: the
// end-to-end tests spell them out, tests/e2e/support/forms.ts, so a renamed field fails there.)
const FIELDS = [...registrationFields, 'captchaToken'] as const;

const MEGABYTE = 'A'.repeat(1024 * 1024);
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    MEGABYTE,
    "'; drop table patients; --",
    "' or '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '\u0000\u0001\u0002\u001b[31m',
    '\u202eKOWALSKI',
    'Ja\u200bn',
    'BRAK',
    'brak',
    ' BrAk ',
    'BRAKI',
    'B R A K',
    '44051401359',
    '4405140135',
    '44051401358',
    '../../etc/passwd',
    '%00',
    '{{7*7}}',
    '${jndi:ldap://x}',
    'on',
    'true',
    '',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.constant(new Blob(['not a field'])),
);

const STATUSES = new Set(['invalid', 'conflict', 'error', 'registered']);

describeEachDatabase('submitRegistration with hostile input', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('answers random form data with a typed state and writes nothing', async () => {
    const before = await rowCounts(database.db);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS, 'unexpected', '__proto__', '$ACTION_ID_x'), hostileValue), async (raw) => {
        const state = await submitRegistration(database.db, raw, { ip: null, userAgent: null });
        expect(STATUSES.has(state.status)).toBe(true);
        expect(state.status).not.toBe('registered');
        expect(state.status).not.toBe('error');
      }),
      { numRuns: kind === 'pglite' ? 150 : 100 },
    );
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('registers a valid form with one hostile field only when that field is still valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), hostileValue, async (field, value) => {
        const raw = validForm({ [field]: value });
        const before = await rowCounts(database.db);
        const state = await submitRegistration(database.db, raw, { ip: '127.0.0.1', userAgent: 'fast-check' });
        expect(STATUSES.has(state.status)).toBe(true);
        expect(state.status).not.toBe('error');
        const after = await rowCounts(database.db);
        if (state.status === 'registered') {
          expect(validateRegistration(raw, new Date(), pl.register.errors).ok).toBe(true);
          expect(after.accounts).toBe(before.accounts + 1);
        } else {
          expect(after.accounts).toBe(before.accounts);
          expect(after.outbox).toBe(before.outbox);
          if (state.status === 'invalid') expect(Object.keys(state.fieldErrors).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('registers a valid form and refuses the same captcha a second time', async () => {
    const raw = validForm();
    expect((await submitRegistration(database.db, raw, { ip: null, userAgent: null })).status).toBe('registered');
    const replay = await submitRegistration(database.db, validForm({ captchaToken: raw.captchaToken, captchaAnswer: raw.captchaAnswer }), {
      ip: null,
      userAgent: null,
    });
    expect(replay).toMatchObject({ status: 'invalid', fieldErrors: { captchaAnswer: 'Działanie wygasło. Rozwiąż nowe działanie.' } });
  });

  it('words a login taken meanwhile on its field and asks a new question', async () => {
    const first = validForm();
    expect((await submitRegistration(database.db, first, { ip: null, userAgent: null })).status).toBe('registered');
    const raw = validForm({ login: String(first.login).toUpperCase() });
    const state = await submitRegistration(database.db, raw, { ip: null, userAgent: null });
    if (state.status !== 'invalid') throw new Error(state.status);
    expect(state.fieldErrors).toEqual({ login: 'Ten login jest już zajęty. Wybierz inny.' });
    expect(state.captcha.token).not.toBe(raw.captchaToken);
    expect(state.values.captchaAnswer).toBe('');
  });

  it('gives a wrong captcha answer a field error and a new question, keeping the other values', async () => {
    const raw = validForm({ captchaAnswer: '1000' });
    const state = await submitRegistration(database.db, raw, { ip: null, userAgent: null });
    if (state.status !== 'invalid') throw new Error(state.status);
    expect(state.fieldErrors.captchaAnswer).toBeDefined();
    expect(state.captcha.token).not.toBe(raw.captchaToken);
    expect(state.values.email).toBe(raw.email);
    expect(state.values.captchaAnswer).toBe('');
  });

  it('keeps a solved captcha when other fields are wrong', async () => {
    const raw = validForm({ postalCode: 'abc' });
    const state = await submitRegistration(database.db, raw, { ip: null, userAgent: null });
    if (state.status !== 'invalid') throw new Error(state.status);
    expect(Object.keys(state.fieldErrors)).toEqual(['postalCode']);
    expect(state.captcha.token).toBe(raw.captchaToken);
    // ... and the kept challenge still works once the field is fixed.
    const fixed = await submitRegistration(database.db, { ...raw, postalCode: '21-010' }, { ip: null, userAgent: null });
    expect(fixed.status).toBe('registered');
  });

  it('numbers each answer after the previous one', async () => {
    const state = await submitRegistration(database.db, validForm({ postalCode: 'abc' }), {
      ip: null,
      userAgent: null,
      previous: { submission: 7 },
    });
    expect(state).toMatchObject({ status: 'invalid', submission: 8 });
  });
});

describeEachDatabase('handleRegistration: the limits in front of the form', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database?.dispose());

  it('refuses an address over its limits with the wait, the form as typed and a new question, and writes nothing', async () => {
    const ip = `10.9.${kind === 'pglite' ? 1 : 2}.1`;
    const meta = { ip, userAgent: 'test' };
    let last;
    for (let i = 0; i < 30; i++) {
      last = await handleRegistration(database.db, validForm({ captchaAnswer: '1000' }), meta);
      if (last.status === 'limited') break;
      expect(last).toMatchObject({ status: 'invalid', fieldErrors: { captchaAnswer: 'Błędny wynik działania. Rozwiąż nowe działanie.' } });
    }
    const raw = validForm();
    const before = await rowCounts(database.db);
    const limited = await handleRegistration(database.db, raw, meta);
    if (limited.status !== 'limited') throw new Error(limited.status);
    expect(limited.message).toMatch(/^Zbyt wiele prób w krótkim czasie\. Spróbuj ponownie za \d+ (s|min)\.$/);
    expect(limited.values.email).toBe(raw.email);
    expect(limited.values.captchaAnswer).toBe('');
    expect(limited.captcha.token).not.toBe(raw.captchaToken);
    expect(await rowCounts(database.db)).toEqual(before);
    // Another address is not affected.
    expect((await handleRegistration(database.db, raw, { ip: `${ip}0`, userAgent: 'test' })).status).toBe('registered');
  });
});
