// Forms as the browser shows them and as a client posts them: a field's announced error, the
// hidden fields Next renders for a server action (read from the page or from its HTML), and
// those fields posted again with someone else's session, with none, or without a browser.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { solveQuestion } from '@/lib/captcha';
import type { Person } from '../../helpers/people';

/** Checks that `field` is marked invalid and described by an error containing `message`. */
/** The registration form's text fields by name (SPEC §12), written out here on purpose: a renamed field must fail the tests. */
export const REGISTRATION_TEXT_FIELDS = [
  'pesel',
  'firstName',
  'lastName',
  'login',
  'email',
  'phone',
  'street',
  'houseNumber',
  'flatNumber',
  'postalCode',
  'city',
] as const;

export async function expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(typeof message === 'string' ? new RegExp(escapeRegExp(message)) : message);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The form that holds the button named `button`. */
export function formOf(page: Page, button: string): Locator {
  return page.locator('form').filter({ has: page.getByRole('button', { name: button, exact: true }) });
}

/** The fields a form would post without JavaScript: Next's `$ACTION_…` hidden inputs and the rest. */
export async function formFields(form: Locator): Promise<Record<string, string>> {
  await expect(form).toHaveCount(1);
  const fields = await form
    .locator('input[type="hidden"]')
    .evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => [i.name, i.value] as const));
  expect(
    fields.some(([name]) => name.startsWith('$ACTION_')),
    "Next's action field in the form",
  ).toBe(true);
  return Object.fromEntries(fields);
}

/** Posts `fields` to `path` like the browser's form would, from our own origin. */
export async function replay(request: APIRequestContext, baseURL: string, path: string, fields: Record<string, string>) {
  const response = await request.post(path, { multipart: fields, headers: { Origin: new URL(baseURL).origin }, maxRedirects: 0 });
  expect(response.status(), `replayed post to ${path}`).toBeLessThan(500);
  return response;
}

// ---------------------------------------------------------------------------------------------
// The no-JavaScript forms as a client without a browser sees them

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The hidden inputs in server-rendered HTML: a server action's reference (`$ACTION_REF_1`,
 * `$ACTION_1:0` with the action id, `$ACTION_1:1` with the previous state, `$ACTION_KEY`) and, on
 * /register, the signed captcha — with the captcha answered like a person would.
 */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    fields[unescapeHtml(m[1]!)] = unescapeHtml(m[2] ?? '');
  const question = /Wynik działania (\d{1,2} [+−] \d{1,2}) =/.exec(html)?.[1];
  if (question) fields.captchaAnswer = String(solveQuestion(question));
  return fields;
}

/** The hidden fields of /register (server action reference, signed captcha) with the captcha solved. */
export async function registrationFields(api: APIRequestContext): Promise<Record<string, string>> {
  const response = await api.get('/register');
  expect(response.status()).toBe(200);
  const fields = hiddenFields(await response.text());
  if (!fields.captchaAnswer) throw new Error('no captcha question on /register');
  return fields;
}

/** The registration form's fields for `p`, consents given. */
export function personFields(p: Person): Record<string, string> {
  return {
    pesel: p.pesel,
    birthDate: p.pesel.toUpperCase() === 'BRAK' ? p.birthDate : '',
    firstName: p.firstName,
    lastName: p.lastName,
    login: p.login,
    email: p.email,
    phone: p.phone,
    street: p.street,
    houseNumber: p.houseNumber,
    flatNumber: p.flatNumber,
    postalCode: p.postalCode,
    city: p.city,
    consentDataProcessing: 'on',
    consentEmail: 'on',
    consentSms: 'on',
  };
}

/** Posts the no-JavaScript registration form; 303 to /register/sent means registered. */
export async function postRegistration(api: APIRequestContext, base: string, fields: Record<string, string>, p: Person) {
  return api.post('/register', {
    multipart: { ...fields, ...personFields(p) },
    headers: { origin: base },
    maxRedirects: 0,
    timeout: 60_000,
  });
}
