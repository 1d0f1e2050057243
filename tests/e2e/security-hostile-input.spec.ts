// Hostile input through real HTTP against the running production server: foreign or missing
// Origin, oversized and chunked bodies, wrong content types, malformed multipart bodies and forged
// action ids sent to the real server action (its id taken from the no-JavaScript form), unicode
// tricks, and SQL / HTML fragments in every registration field. SPEC §13: bad input of any shape
// gets a field error or a refusal, never a 5xx, and nothing is stored.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { newPerson, uniqueSuffix, type Person } from '../helpers/people';
import { expect, test } from './fixtures';
import type { RegisterPage } from './pages/register-page';
import { expectFieldError, hiddenFields, personFields, REGISTRATION_TEXT_FIELDS } from './support/forms';
import { STAFF, signInStaff } from './support/staff';
import { SIGN_IN_MESSAGES } from './support/words';

const FORBIDDEN = 'Forbidden: cross-origin request';
const MAX_BODY = 100 * 1024;

// ---------------------------------------------------------------------------------------------
// The no-JavaScript form as a client without a browser sees it

/**
 * The hidden inputs of the page's form: the server action's reference (`$ACTION_REF_1`,
 * `$ACTION_1:0` with the action id, `$ACTION_1:1` with the previous state, `$ACTION_KEY`) and, on
 * /register, the signed captcha, answered like a person would.
 */
async function formFields(request: APIRequestContext, route: string): Promise<Record<string, string>> {
  const response = await request.get(route);
  expect(response.status()).toBe(200);
  const fields = hiddenFields(await response.text());
  expect(fields['$ACTION_1:0'], `the server action reference on ${route}`).toMatch(/"id":"[0-9a-f]{40,}"/);
  return fields;
}

const actionId = (fields: Record<string, string>) => (JSON.parse(fields['$ACTION_1:0']!) as { id: string }).id;

async function postForm(
  request: APIRequestContext,
  route: string,
  multipart: Record<string, string>,
  headers: Record<string, string>,
): Promise<APIResponse> {
  return request.post(route, { multipart, headers, maxRedirects: 0 });
}

/** The text next to a field in server-rendered HTML (`#field-<name>-error`). */
function fieldError(html: string, name: string): string | undefined {
  return new RegExp(`id="field-${name}-error"[^>]*>([^<]*)<`).exec(html)?.[1];
}

/** Whether the dev mailbox (/dev/mail) lists a message to `email`. */
async function mailboxHas(request: APIRequestContext, email: string): Promise<boolean> {
  const response = await request.get('/dev/mail');
  expect(response.status()).toBe(200);
  return (await response.text()).includes(`data-testid="recipient">${email}<`);
}

/** A request with exactly these bytes, sent without Content-Length (chunked), bounded in time. */
function postChunked(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' }, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// Origin (proxy.ts): state-changing requests must come from our own pages

test.describe('requests from other origins', () => {
  test('a complete, valid registration posted with a foreign Origin is refused with 403 and nothing is stored', async ({
    request,
    baseURL,
  }) => {
    const person = newPerson();
    const fields = { ...(await formFields(request, '/register')), ...personFields(person) };
    const port = Number(new URL(baseURL!).port);
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `${baseURL}.evil.example`,
      `http://localhost.evil.example:${port}`,
    ]) {
      const response = await postForm(request, '/register', fields, { origin });
      expect(response.status(), `Origin: ${origin}`).toBe(403);
      expect(await response.text()).toBe(FORBIDDEN);
    }
    expect(await mailboxHas(request, person.email)).toBe(false);

    // Control: the very same body from our own origin registers (the captcha was never used).
    const accepted = await postForm(request, '/register', fields, { origin: baseURL! });
    expect(accepted.status()).toBe(303);
    expect(accepted.headers()['location']).toMatch(/\/register\/sent$/);
    expect(await mailboxHas(request, person.email)).toBe(true);
  });

  test('a POST without an Origin header is refused with 403 and nothing is stored', async ({ request }) => {
    const person = newPerson();
    const fields = { ...(await formFields(request, '/register')), ...personFields(person) };
    // Playwright's request context sends no Origin unless told to.
    const response = await request.post('/register', { multipart: fields, maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(await response.text()).toBe(FORBIDDEN);
    expect(await mailboxHas(request, person.email)).toBe(false);
  });

  test('signing in with the right password from a foreign origin is refused and sets no session cookie', async ({ request }) => {
    const fields = { ...(await formFields(request, '/login')), login: STAFF.registrar.login, password: STAFF.registrar.password };
    for (const headers of [{ origin: 'https://evil.example' }, {} as Record<string, string>]) {
      const response = await postForm(request, '/login', fields, headers);
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')).toEqual([]);
    }
  });

  test('every state-changing endpoint refuses a foreign origin with 403', async ({ request }) => {
    for (const route of [
      '/register',
      '/login',
      '/password/forgot',
      '/activate/resend',
      `/activate/${'A'.repeat(43)}`,
      '/api/auth/callback/credentials',
      '/api/auth/signout',
      '/account',
      '/admin/verifications',
    ]) {
      const response = await request.post(route, {
        form: { login: STAFF.registrar.login, password: STAFF.registrar.password },
        headers: { origin: 'https://evil.example' },
        maxRedirects: 0,
      });
      expect(response.status(), route).toBe(403);
      expect(await response.text(), route).toBe(FORBIDDEN);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Size

test.describe('oversized bodies', () => {
  test('a registration body over 100 kB is refused with 413 before the action runs; nothing is stored', async ({ request, baseURL }) => {
    const person = newPerson();
    const fields = { ...(await formFields(request, '/register')), ...personFields(person), street: 'a'.repeat(150 * 1024) };
    const response = await postForm(request, '/register', fields, { origin: baseURL! });
    expect(response.status()).toBe(413);
    expect(await response.text()).toBe('Payload too large');
    expect(await mailboxHas(request, person.email)).toBe(false);
  });

  test('a sign-in body over 100 kB is refused with 413', async ({ request, baseURL }) => {
    const fields = { ...(await formFields(request, '/login')), login: STAFF.registrar.login, password: 'x'.repeat(MAX_BODY + 1) };
    const response = await postForm(request, '/login', fields, { origin: baseURL! });
    expect(response.status()).toBe(413);
  });

  test('a 60 kB value in one field (under the body limit) is a field error, not a failure', async ({ request, baseURL }) => {
    const person = newPerson();
    const fields = { ...(await formFields(request, '/register')), ...personFields(person), firstName: 'Zofia'.repeat(12 * 1024) };
    const response = await postForm(request, '/register', fields, { origin: baseURL! });
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(fieldError(html, 'firstName')).toBe('Wpisz najwyżej 50 znaków.');
    expect(html, 'the huge value is not echoed back whole').not.toContain('Zofia'.repeat(1000));
    expect(await mailboxHas(request, person.email)).toBe(false);
  });

  // proxy.ts answers 411 to a body without Content-Length (a chunked body could not be size-checked).
  test('a chunked registration body over 100 kB (no Content-Length) is refused with 4xx, not 500', async ({ request, baseURL }) => {
    const person = newPerson();
    const fields = { ...(await formFields(request, '/register')), ...personFields(person), street: 'a'.repeat(150 * 1024) };
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const { status } = await postChunked(
      `${baseURL}/register`,
      { origin: baseURL!, 'content-type': encoded.headers.get('content-type')! },
      body,
    );
    expect([411, 413]).toContain(status);
    expect(await mailboxHas(request, person.email)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Content types and malformed multipart bodies

test.describe('wrong content types and malformed bodies', () => {
  test('a JSON, text, XML or url-encoded body to /register is not a form submission: the empty form is shown, nothing is registered', async ({
    request,
    baseURL,
  }) => {
    const bodies: Array<[string, (f: Record<string, string>) => string]> = [
      ['application/json', (f) => JSON.stringify(f)],
      ['text/plain;charset=UTF-8', (f) => JSON.stringify(f)],
      [
        'application/xml',
        (f) =>
          `<form>${Object.entries(f)
            .map(([k, v]) => `<f n="${encodeURIComponent(k)}">${encodeURIComponent(v)}</f>`)
            .join('')}</form>`,
      ],
      ['application/x-www-form-urlencoded', (f) => new URLSearchParams(f).toString()],
      ['application/octet-stream', () => '\u0000\u0001\u0002'],
    ];
    for (const [contentType, encode] of bodies) {
      const person = newPerson();
      const fields = { ...(await formFields(request, '/register')), ...personFields(person) };
      const response = await request.post('/register', {
        data: encode(fields),
        headers: { origin: baseURL!, 'content-type': contentType },
        maxRedirects: 0,
      });
      expect(response.status(), contentType).toBe(200);
      const html = await response.text();
      expect(html, contentType).toContain('Załóż konto');
      expect(html, `${contentType}: no field errors, the action did not run`).not.toContain('-error"');
      expect(html, `${contentType}: the submitted login is not echoed`).not.toContain(person.login);
      expect(await mailboxHas(request, person.email), contentType).toBe(false);
    }
  });

  // Every legitimate call of this app's actions is a multipart/form-data post: proxy.ts answers 415
  // to anything else aimed at an action, before Next tries to decode it.
  for (const [contentType, body] of [
    ['application/json', '{"login":"x"}'],
    ['text/plain;charset=UTF-8', 'not a react reply'],
    ['application/xml', '<a/>'],
  ] as const) {
    test(`the real action id with a ${contentType} body is refused with 4xx, not 500`, async ({ request, baseURL }) => {
      const id = actionId(await formFields(request, '/register'));
      const response = await request.post('/register', {
        data: body,
        headers: { origin: baseURL!, 'content-type': contentType, 'next-action': id },
        maxRedirects: 0,
      });
      expect(response.status()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
    });
  }

  const BOUNDARY = `SecTestBoundary${randomBytes(8).toString('hex')}`;
  const part = (name: string, value: string, extra = '') =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
  const end = `--${BOUNDARY}--\r\n`;
  // $ACTION_KEY ties the action's answer to the form's state, so that the page shows its result.
  const reference = (f: Record<string, string>) =>
    part('$ACTION_KEY', f['$ACTION_KEY']!) +
    part('$ACTION_REF_1', '') +
    part('$ACTION_1:0', f['$ACTION_1:0']!) +
    part('$ACTION_1:1', f['$ACTION_1:1']!);
  const multipart = `multipart/form-data; boundary=${BOUNDARY}`;

  // [name, content type, body from the real form's fields, current behaviour is a 500 (app bug)]
  const malformed: Array<[string, string, (f: Record<string, string>) => string, boolean]> = [
    ['action reference that is not JSON', multipart, () => part('$ACTION_REF_1', '') + part('$ACTION_1:0', '{not json') + end, false],
    [
      'a file where a text field belongs',
      multipart,
      (f) => reference(f) + part('login', 'plik', '; filename="login.txt"\r\nContent-Type: text/plain') + end,
      false,
    ],
    [
      'previous state of the wrong shape',
      multipart,
      (f) =>
        part('$ACTION_KEY', f['$ACTION_KEY']!) +
        part('$ACTION_REF_1', '') +
        part('$ACTION_1:0', f['$ACTION_1:0']!) +
        part('$ACTION_1:1', '[{"submission":"x","captcha":5,"values":null}]') +
        end,
      false,
    ],
    ['no boundary parameter', 'multipart/form-data', (f) => reference(f) + end, true],
    ['a boundary that is not in the body', 'multipart/form-data; boundary=SomethingElse', (f) => reference(f) + end, true],
    [
      'a body cut off in the middle of a part',
      multipart,
      (f) => reference(f) + `--${BOUNDARY}\r\nContent-Disposition: form-data; name="login"\r\n\r\nabc`,
      true,
    ],
    ['no closing boundary', multipart, (f) => reference(f), true],
    ['a part without headers', multipart, (f) => reference(f) + `--${BOUNDARY}\r\n\r\nvalue\r\n` + end, true],
    ['binary garbage', multipart, () => '\u0000\u0001garbage\r\n', true],
    ['an empty body', multipart, () => '', true],
    [
      'the action reference without the state it is bound to',
      multipart,
      (f) => part('$ACTION_REF_1', '') + part('$ACTION_1:0', f['$ACTION_1:0']!) + end,
      true,
    ],
  ];
  for (const [name, contentType, body] of malformed) {
    // proxy.ts refuses multipart bodies that do not parse, and action references whose parts are
    // missing (Next itself would fail with a 500 on those), with 400.
    test(`a multipart body to the real action with ${name} is refused with 4xx or answered with the form, never 5xx`, async ({
      request,
      baseURL,
    }) => {
      const fields = await formFields(request, '/register');
      const response = await request.post('/register', {
        data: Buffer.from(body(fields), 'utf8'),
        headers: { origin: baseURL!, 'content-type': contentType },
        maxRedirects: 0,
      });
      const status = response.status();
      expect(status === 200 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
      if (status === 200) {
        const html = await response.text();
        expect(html).toContain('Załóż konto');
        expect(fieldError(html, 'login'), 'the action ran and refused the input').toBe('To pole jest wymagane.');
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Forged action ids

test.describe('forged action ids', () => {
  const forged = () => randomBytes(21).toString('hex'); // the shape of a real id (42 hex digits)
  const xss = () => `<script>alert('forged-${uniqueSuffix()}')</script>`;

  test('an unknown action id in a form post ($ACTION_ID_…) is refused with 4xx; nothing is stored or echoed', async ({
    request,
    baseURL,
  }) => {
    const person = newPerson();
    const fields = await formFields(request, '/register');
    expect(actionId(fields)).not.toBe(''); // the real one exists, and differs from the forged one
    const { ['$ACTION_REF_1']: _ref, ['$ACTION_1:0']: _id, ['$ACTION_1:1']: _state, ...rest } = fields;
    const payload = { [`$ACTION_ID_${forged()}`]: '', ...rest, ...personFields(person), firstName: xss() };
    const response = await postForm(request, '/register', payload, { origin: baseURL! });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain('<script>alert');
    expect(await mailboxHas(request, person.email)).toBe(false);
  });

  test('an unknown action id in the action reference ($ACTION_REF) is refused with 4xx; nothing is stored', async ({
    request,
    baseURL,
  }) => {
    const person = newPerson();
    const fields = await formFields(request, '/register');
    const payload = { ...fields, '$ACTION_1:0': JSON.stringify({ id: forged(), bound: '$@1' }), ...personFields(person), lastName: xss() };
    const response = await postForm(request, '/register', payload, { origin: baseURL! });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain('<script>alert');
    expect(await mailboxHas(request, person.email)).toBe(false);

    // Control: with the real id the same submission registers.
    const accepted = await postForm(request, '/register', { ...fields, ...personFields(person) }, { origin: baseURL! });
    expect(accepted.status()).toBe(303);
    expect(await mailboxHas(request, person.email)).toBe(true);
  });

  test('an unknown action id in the Next-Action header is refused with 4xx', async ({ request, baseURL }) => {
    const response = await request.post('/register', {
      data: JSON.stringify([{ login: xss() }]),
      headers: { origin: baseURL!, 'next-action': forged(), 'content-type': 'text/plain;charset=UTF-8' },
      maxRedirects: 0,
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain('<script>alert');
  });
});

// ---------------------------------------------------------------------------------------------
// SQL and HTML fragments

test.describe('SQL and HTML fragments in every registration field', () => {
  test('are field errors, shown escaped (never as markup), and nothing is stored', async ({ request, baseURL }) => {
    const marker = uniqueSuffix();
    const hostile: Record<string, string> = {
      pesel: `' OR '1'='1`,
      birthDate: `1990-01-01'); DROP TABLE patients;--`,
      firstName: `<script>alert('${marker}')</script>`,
      lastName: `Robert'); DROP TABLE web_accounts;--`,
      login: `<img src=x onerror=alert('${marker}')>`,
      email: `"<script>alert('${marker}')</script>"@example.pl`,
      phone: `600100200' UNION SELECT password_hash FROM staff_accounts--`,
      street: `<svg onload=alert('${marker}')>`,
      houseNumber: `1; DELETE FROM patients`,
      flatNumber: `<b>1</b>`,
      postalCode: `21-010'--`,
      city: `<iframe src=javascript:alert('${marker}')>`,
    };
    const fields = { ...(await formFields(request, '/register')), ...personFields(newPerson()), ...hostile };
    const response = await postForm(request, '/register', fields, { origin: baseURL! });
    expect(response.status()).toBe(200);
    const html = await response.text();
    for (const name of REGISTRATION_TEXT_FIELDS) {
      expect(fieldError(html, name), `field error on ${name}`).toBeTruthy();
    }
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x onerror');
    expect(html).not.toContain('<svg onload');
    expect(html).not.toContain('<iframe src=javascript');
    expect(html).not.toContain('<b>1</b>');
    // The input is kept (SPEC §3), as text.
    expect(html).toContain(`&lt;script&gt;alert(&#x27;${marker}&#x27;)&lt;/script&gt;`);

    // The birth date is read only for PESEL = BRAK.
    const withoutPesel = {
      ...(await formFields(request, '/register')),
      ...personFields(newPerson()),
      pesel: 'BRAK',
      birthDate: hostile.birthDate!,
    };
    const second = await postForm(request, '/register', withoutPesel, { origin: baseURL! });
    expect(second.status()).toBe(200);
    expect(fieldError(await second.text(), 'birthDate')).toBe('Podaj prawdziwą datę urodzenia w formacie RRRR-MM-DD.');

    const mailbox = await (await request.get('/dev/mail')).text();
    expect(mailbox).not.toContain(marker);
  });

  test('typed in the browser, they are shown as text and nothing runs', async ({ page, registerPage: form }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const person = newPerson();
    await form.goto();
    await form.fillPerson({
      ...person,
      firstName: `<script>alert('first')</script>`,
      lastName: `<img src=x onerror=alert('last')>`,
      street: `"><svg onload=alert('street')>`,
      city: `Łęczna'); DROP TABLE patients;--`,
    });
    await form.solveCaptcha();
    await form.giveConsents(person);
    await form.submit.click();
    await expect(form.errorSummary).toBeVisible();
    await expectFieldError(form.firstName, 'Użyj liter, spacji, myślnika lub apostrofu.');
    await expectFieldError(form.lastName, 'Użyj liter, spacji, myślnika lub apostrofu.');
    await expect(form.firstName).toHaveValue(`<script>alert('first')</script>`);
    await expect(form.lastName).toHaveValue(`<img src=x onerror=alert('last')>`);
    await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
    expect(dialogs).toEqual([]);
    await expect(page).toHaveURL(/\/register$/);
  });

  test('SQL fragments that are valid text are stored literally (parameterised queries) and shown as text to staff', async ({
    page,
    request,
    baseURL,
  }) => {
    const person = newPerson({
      lastName: `O'Neil-'--`,
      street: `Lubelska' OR '1'-'1`,
      city: `Łęczna') OR ('a'-'a`,
    });
    const fields = { ...(await formFields(request, '/register')), ...personFields(person) };
    const response = await postForm(request, '/register', fields, { origin: baseURL! });
    expect(response.status(), (await response.text()).slice(0, 200)).toBe(303);

    await signInStaff(page, 'registrar');

    await page.goto(`/admin/verifications?${new URLSearchParams({ q: person.login, status: 'all' })}`);
    await page.getByRole('link', { name: `${person.lastName} ${person.firstName}` }).click();
    await expect(page.getByText(person.street, { exact: false }).first()).toBeVisible();
    await expect(page.getByText(person.city, { exact: false }).first()).toBeVisible();

    // LIKE wildcards and quotes in the staff search are text too: they do not match every row.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const search = async (q: string) => {
      const result = await request.get(`/admin/verifications?${new URLSearchParams({ q, status: 'all' })}`, {
        headers: { cookie },
        maxRedirects: 0,
      });
      expect(result.status(), `search ${q}`).toBe(200);
      return result.text();
    };
    expect(await search('anna.nowak'), 'control: the demo account is found by its login').toContain('anna.nowak');
    for (const q of ['%', '_', '%%', `' OR '1'='1`, `%' OR 1=1--`, `\\`]) {
      const html = await search(q);
      expect(html, `search ${q}`).toContain('Brak kont spełniających kryteria.');
      expect(html, `search ${q}`).not.toContain('anna.nowak');
      expect(html, `search ${q}`).not.toContain(person.login);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Unicode tricks (server validation: the form is posted without JavaScript)

const RLO = '\u202E'; // RIGHT-TO-LEFT OVERRIDE
const ZWSP = '\u200B'; // ZERO WIDTH SPACE
const CYRILLIC_A = '\u0430'; // looks like Latin 'a'
const CYRILLIC_E = '\u0435'; // looks like Latin 'e'

test.describe('unicode tricks', () => {
  test.describe('in the registration form', () => {
    test.use({ javaScriptEnabled: false });

    async function submitWithoutBrowserChecks(form: RegisterPage, p: Person) {
      await form.goto();
      await form.fillPerson(p);
      await form.solveCaptcha();
      await form.giveConsents(p);
      // The browser would refuse type=email values itself; post as a client without checks would.
      await form.form.evaluate((f) => f.setAttribute('novalidate', ''));
      await form.submit.click();
      await expect(form.errorSummary).toBeVisible();
    }

    test('RTL override, zero-width space and Cyrillic homoglyphs are field errors; the input is kept; nothing is stored', async ({
      registerPage: form,
      request,
    }) => {
      const suffix = uniqueSuffix();
      const p = newPerson({
        firstName: `Zofi${CYRILLIC_A}`,
        lastName: `Kowalska${RLO}ikswon`,
        login: `e2e.${ZWSP}${suffix}`,
        // (A look-alike domain would be turned into punycode by the browser: tested over HTTP below.)
        email: `e2e.${suffix}${ZWSP}@example.pl`,
        street: `Krasny${ZWSP}stawska`,
        city: `${RLO}anzcęŁ`,
      });
      await submitWithoutBrowserChecks(form, p);
      await expectFieldError(form.firstName, 'Użyj liter, spacji, myślnika lub apostrofu.');
      await expectFieldError(form.lastName, 'Użyj liter, spacji, myślnika lub apostrofu.');
      await expectFieldError(form.login, 'Login może zawierać tylko litery bez polskich znaków');
      await expectFieldError(form.email, 'Podaj poprawny adres email');
      await expectFieldError(form.street, 'Podaj nazwę ulicy');
      await expectFieldError(form.city, 'Podaj nazwę miejscowości.');
      await expect(form.lastName).toHaveValue(p.lastName);
      await expect(form.login).toHaveValue(p.login);
      expect(await mailboxHas(request, p.email)).toBe(false);
    });

    test('a homoglyph of an existing login, or a login with an invisible character, is refused as a login', async ({
      registerPage: form,
      request,
    }) => {
      const suffix = uniqueSuffix();
      // anna.nowak is a demo account; the look-alike must not become a second "anna.nowak".
      const p = newPerson({
        login: `${CYRILLIC_A}nna.nowak`,
        firstName: `Zo${ZWSP}fia`,
        lastName: `N${CYRILLIC_E}wak`,
        email: `e2e.${RLO}${suffix}@example.pl`,
      });
      await submitWithoutBrowserChecks(form, p);
      await expectFieldError(form.login, 'Login może zawierać tylko litery bez polskich znaków');
      await expectFieldError(form.firstName, 'Użyj liter, spacji, myślnika lub apostrofu.');
      await expectFieldError(form.lastName, 'Użyj liter, spacji, myślnika lub apostrofu.');
      await expectFieldError(form.email, 'Podaj poprawny adres email');
      expect(await mailboxHas(request, p.email)).toBe(false);
    });
  });

  test('sent raw over HTTP, look-alike letters in the email domain, login and names are field errors; nothing is stored', async ({
    request,
    baseURL,
  }) => {
    const suffix = uniqueSuffix();
    const p = newPerson({
      firstName: `${CYRILLIC_A}nna`,
      lastName: `Now${CYRILLIC_A}k`,
      login: `e2e.${CYRILLIC_A}${suffix}`,
      email: `e2e.${suffix}@ex${CYRILLIC_A}mple.pl`,
    });
    const response = await postForm(
      request,
      '/register',
      { ...(await formFields(request, '/register')), ...personFields(p) },
      { origin: baseURL! },
    );
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(fieldError(html, 'firstName')).toBe('Użyj liter, spacji, myślnika lub apostrofu.');
    expect(fieldError(html, 'lastName')).toBe('Użyj liter, spacji, myślnika lub apostrofu.');
    expect(fieldError(html, 'login')).toMatch(/^Login może zawierać tylko litery bez polskich znaków/);
    expect(fieldError(html, 'email')).toMatch(/^Podaj poprawny adres email/);
    expect(await mailboxHas(request, p.email)).toBe(false);
  });

  test('look-alike, zero-width and RTL-override variants of a staff login do not sign in', async ({ page }) => {
    const signIn = async (login: string) => {
      await page.goto('/login');
      await page.getByRole('textbox', { name: 'Login' }).fill(login);
      await page.getByLabel('Hasło', { exact: true }).fill(STAFF.registrar.password);
      await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    };
    for (const login of [`rej${CYRILLIC_E}stracja`, `reje${ZWSP}stracja`, `${RLO}rejestracja`, `rejestracja${ZWSP}`]) {
      await signIn(login);
      await expect(page.locator('#login-error'), JSON.stringify(login)).toHaveText(SIGN_IN_MESSAGES.failed);
      await expect(page).toHaveURL(/\/login(\?.*)?$/);
    }
    // Control: the real login with the same password passes the password step (the code comes next).
    await signIn(STAFF.registrar.login);
    await expect(page).toHaveURL(/\/login\/(code|mfa-setup)$/);
  });
});

// ---------------------------------------------------------------------------------------------
// Requests a security review found answered with 500 (issue 19); security-no-5xx.spec.ts throws
// arbitrary ones of the same kinds at every route.

test.describe('hostile requests that once reached a 500', () => {
  test('a NUL in the login field is refused with 400; the same form without it is an ordinary failed sign-in', async ({
    request,
    baseURL,
  }) => {
    const fields = await formFields(request, '/login');
    const refused = await postForm(
      request,
      '/login',
      { ...fields, login: 'jan\u0000kowalski', password: 'Cokolwiek#123' },
      { origin: baseURL! },
    );
    expect(refused.status()).toBe(400);
    const control = await postForm(request, '/login', { ...fields, login: 'jankowalski', password: 'Cokolwiek#123' }, { origin: baseURL! });
    expect(control.status()).toBe(200);
    expect(await control.text()).toContain(SIGN_IN_MESSAGES.failed);
  });

  // (A malformed query is decoded leniently by Next before anyone reads it; a malformed path segment is not.)
  test('a NUL anywhere in the address, or a path that does not decode, is refused with 400', async ({ request }) => {
    for (const path of [
      '/admin/verifications?q=%00',
      '/login?next=%00',
      '/register?x=a%00b',
      '/activate/%C0%AF',
      '/password/reset/%C0%AF',
      '/account/email/confirm/%C0%AF',
      '/admin/verifications/%C0%AF',
      '/activate/%ED%A0%80',
      '/login%00',
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(400);
    }
    // Encoded, but well-formed: the page answers as usual.
    expect((await request.get('/login?next=%2Faccount%3Fa%3D%C5%BC', { maxRedirects: 0 })).status()).toBe(200);
  });

  test('a real action called from script with arguments it cannot decode is refused with 4xx before it runs', async ({
    request,
    baseURL,
  }) => {
    const id = actionId(await formFields(request, '/password/forgot'));
    const post = (multipart: Record<string, string>) =>
      request.post('/password/forgot', { multipart, headers: { origin: baseURL!, 'next-action': id }, maxRedirects: 0 });
    // Form fields without React's argument list, a list that does not parse, references to parts
    // that are not there, and kinds of reference no action of ours takes.
    for (const body of [
      { login: 'x' },
      { '0': '[' },
      { '0': '["$@1"]' },
      { '0': '["$1"]', '1': '{"a":"$Q2"}' },
      { '0': '["$h1"]', '1': '{}' },
      { '0': '["$B1"]' },
      { '0': '["$nxyz"]' },
    ] as Array<Record<string, string>>) {
      const response = await post(body);
      expect(response.status(), JSON.stringify(body)).toBe(400);
    }
    // As the page's script sends them (a previous state and a form): the action answers.
    const ok = await post({ '0': '[{"status":"idle","submission":0,"values":{}},"$K1"]', '1_login': 'nikt@example.pl' });
    expect(ok.status()).toBe(200);
  });

  test('a real action called with JSON arguments (text/plain, as React sends them) is refused with 415 before it runs', async ({
    request,
    baseURL,
  }) => {
    for (const route of ['/login', '/register', '/password/forgot', '/activate/resend']) {
      const id = actionId(await formFields(request, route));
      for (const body of ['[]', '[{}]', '["x"]', '[null,{"login":"x"}]']) {
        const response = await request.post(route, {
          data: body,
          headers: { origin: baseURL!, 'content-type': 'text/plain;charset=UTF-8', 'next-action': id },
          maxRedirects: 0,
        });
        expect(response.status(), `${route} ${body}`).toBe(415);
      }
    }
  });

  test('the language switcher sends a path it cannot put in Location (non-Latin-1, control characters) home instead', async ({
    request,
    baseURL,
  }) => {
    for (const next of ['/ą', '/\u0001', '/a\tb', '/\u202Ex', '/żółć?x=ł']) {
      const response = await request.post('/lang', { form: { locale: 'en', next }, headers: { origin: baseURL! }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(next)).toBe(303);
      expect(response.headers()['location'], JSON.stringify(next)).toBe('/');
    }
    const kept = await request.post('/lang', {
      form: { locale: 'pl', next: '/register?a=1' },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(kept.headers()['location']).toBe('/register?a=1');
  });

  test('an Origin naming this server by another name (localhost for 127.0.0.1) is refused with 403, not passed on to fail', async ({
    request,
    baseURL,
  }) => {
    const port = new URL(baseURL!).port;
    const fields = await formFields(request, '/login');
    for (const origin of [`http://localhost:${port}`, `http://[::1]:${port}`, `http://127.0.0.1.nip.io:${port}`]) {
      const response = await postForm(request, '/login', { ...fields, login: 'x', password: 'y' }, { origin });
      expect(response.status(), origin).toBe(403);
      expect(await response.text()).toBe(FORBIDDEN);
    }
    // The same Origin is ours when the request was sent to that name (as X-Forwarded-Host says).
    const forwarded = await postForm(
      request,
      '/login',
      { ...fields, login: 'x', password: 'y' },
      { origin: `http://localhost:${port}`, 'x-forwarded-host': `localhost:${port}` },
    );
    expect(forwarded.status()).toBe(200);
  });

  test('machine endpoints are outside the checks only at their own paths: a post below them is checked like any other', async ({
    request,
  }) => {
    for (const path of ['/api/metrics/x', '/api/ready/x', '/api/health/x', '/api/metricsx', '/favicon.icox']) {
      const response = await request.post(path, { multipart: { a: 'b' }, headers: { origin: 'null' }, maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
    }
  });
});
