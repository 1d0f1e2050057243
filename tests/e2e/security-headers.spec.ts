// Security headers on every route (proxy.ts sets the per-request CSP, next.config.ts the static
// headers from lib/security/headers.ts), the nonce on the page's own scripts, the token pages'
// referrer policy, HSTS only over HTTPS, and the session cookie's flags.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { registerAndActivate } from './support/patients';
import { startServer, type RunningServer } from './servers';

const TOKEN = 'A'.repeat(43);
const ROUTES = [
  '/',
  '/login',
  '/register',
  '/register/sent',
  `/activate/${TOKEN}`,
  '/activate/resend',
  '/activate/done',
  '/password/forgot',
  `/password/reset/${TOKEN}`,
  '/account',
  '/admin/verifications',
  '/dev/mail',
];

const SESSION_COOKIE = 'authjs.session-token';

/** The CSP's directives by name, e.g. `script-src` → [`'self'`, `'nonce-…'`, …]. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function nonceOf(response: APIResponse): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  const nonces = (directives(csp).get('script-src') ?? []).map((v) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(v)?.[1]).filter(Boolean);
  expect(nonces, `one nonce in script-src of: ${csp}`).toHaveLength(1);
  return nonces[0]!;
}

/** Every `<script …>` start tag in the HTML. */
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];

async function get(request: APIRequestContext, route: string): Promise<APIResponse> {
  // Not following redirects: the redirect answers (/ and the protected pages) need the headers too.
  const response = await request.get(route, { maxRedirects: 0 });
  expect(response.status(), `${route} answers`).toBeLessThan(500);
  return response;
}

async function signIn(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Login' }).fill(login);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
}

test.describe('security headers on every route', () => {
  for (const route of ROUTES) {
    test(`${route} sends a nonce-based CSP, frame-ancestors 'none', nosniff, Referrer-Policy and Permissions-Policy`, async ({
      request,
    }) => {
      const response = await get(request, route);
      const headers = response.headers();

      const csp = headers['content-security-policy'];
      expect(csp, 'Content-Security-Policy header').toBeTruthy();
      const d = directives(csp!);
      const scriptSrc = d.get('script-src') ?? [];
      expect(
        scriptSrc.some((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v)),
        `nonce in script-src: ${csp}`,
      ).toBe(true);
      expect(scriptSrc, 'no inline scripts without the nonce').not.toContain("'unsafe-inline'");
      expect(scriptSrc, 'no eval in production').not.toContain("'unsafe-eval'");
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);

      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      const permissions = headers['permissions-policy'] ?? '';
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) expect(permissions).toContain(feature);
      expect(headers['x-powered-by'], 'the framework is not advertised').toBeUndefined();
      // Plain HTTP (http://127.0.0.1): HSTS would be meaningless and is not sent here. It is sent
      // when APP_URL is https:// in production (tested below with its own server).
      expect(headers['strict-transport-security']).toBeUndefined();

      if (response.status() === 200 && (headers['content-type'] ?? '').includes('text/html')) {
        const nonce = nonceOf(response);
        const tags = scriptTags(await response.text());
        expect(tags.length, 'the page has scripts').toBeGreaterThan(0);
        for (const tag of tags) expect(tag, 'every <script> carries the nonce of this response').toContain(`nonce="${nonce}"`);
      }
    });
  }

  test('the nonce is new on every request and the page scripts carry the new one', async ({ request }) => {
    const first = await get(request, '/register');
    const second = await get(request, '/register');
    const [a, b] = [nonceOf(first), nonceOf(second)];
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').length, 'a 128-bit nonce').toBeGreaterThanOrEqual(16);
    const html = await second.text();
    expect(html).toContain(`nonce="${b}"`);
    expect(html).not.toContain(`nonce="${a}"`);
  });

  test('static files are sent with nosniff too, and without the policies that govern documents', async ({ request }) => {
    const html = await (await get(request, '/login')).text();
    const src = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(src, 'a static script on /login').toBeTruthy();
    const response = await request.get(src!);
    expect(response.status()).toBe(200);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['content-type']).toContain('javascript');
    // Bytes on every file of every page (lib/security/headers.ts); a script obeys none of them.
    for (const header of ['x-frame-options', 'permissions-policy', 'cross-origin-opener-policy']) {
      expect(response.headers()[header], header).toBeUndefined();
    }
  });

  test('the browser runs the nonced scripts (the form is enhanced) but not markup injected without the nonce', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Stored XSS reaching the markup, simulated: the real response (with its real CSP header) gets
    // an inline script and an inline event handler that do not carry the nonce.
    await page.route('**/register', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</body>',
        '<script>window.__injected = (window.__injected || []).concat("script")</script>' +
          '<img src="/no-such-image.png" onerror="window.__injected = (window.__injected || []).concat(\'onerror\')"></body>',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto('/register');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Załóż konto' }) });
    // The form turns off browser validation only once React has hydrated it: the nonced scripts ran.
    await expect(form).toHaveAttribute('novalidate', '');
    await expect.poll(() => violations.length, { message: 'the injected code is reported as a CSP violation' }).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string[] }).__injected ?? [])).toEqual([]);
    for (const v of violations) expect(v, 'only the injected inline code is refused').toMatch(/inline (script|event handler)/i);
  });
});

test.describe('token pages do not leak the token in Referer', () => {
  // Plain navigations (no client-side router), as the browser does them for every visitor.
  test.use({ javaScriptEnabled: false });
  for (const route of [`/activate/${TOKEN}`, `/password/reset/${TOKEN}`]) {
    test(`${route.replace(TOKEN, '<token>')} sets referrer "origin": a link from it sends the origin only, never the token`, async ({
      page,
      request,
      baseURL,
    }) => {
      const html = await (await get(request, route)).text();
      expect(html).toMatch(/<meta name="referrer" content="origin"\/?>/);

      await page.goto(route);
      const [next] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith('/login') && r.isNavigationRequest()),
        page.locator('header').getByRole('link', { name: 'E-Rejestracja' }).click(),
      ]);
      expect(await next.headerValue('referer')).toBe(`${baseURL}/`);
      await expect(page).toHaveURL(/\/login(\?.*)?$/);
      expect(await page.evaluate(() => document.referrer)).not.toContain(TOKEN);
    });
  }

  test('an ordinary page does send its address to its own pages (control)', async ({ page, baseURL }) => {
    await page.goto('/register');
    const [next] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/login') && r.isNavigationRequest()),
      page.locator('header').getByRole('link', { name: 'E-Rejestracja' }).click(),
    ]);
    expect(await next.headerValue('referer')).toBe(`${baseURL}/register`);
  });
});

test.describe('session cookie', () => {
  // A patient without a second factor: the cookie is issued by the password step itself (staff
  // cookies come after the code step, tested in mfa.spec.ts).
  test('after sign-in the session cookie is HttpOnly and SameSite=Lax (not Secure over plain http)', async ({ page, context, baseURL }) => {
    const patient = await registerAndActivate(page);
    await signIn(page, patient.person.login, patient.password);
    await expect(page).toHaveURL(/\/account$/);
    const session = (await context.cookies(baseURL)).find((c) => c.name === SESSION_COOKIE);
    expect(session, `${SESSION_COOKIE} is set`).toBeTruthy();
    expect(session!.httpOnly).toBe(true);
    expect(session!.sameSite).toBe('Lax');
    expect(session!.path).toBe('/');
    // Auth.js marks the cookie Secure (and names it __Secure-…) only when the request came over
    // https; this server is plain http://127.0.0.1, where a Secure cookie would never be sent back.
    // The https case is covered by the X-Forwarded-Proto test below.
    expect(session!.secure).toBe(false);
    // HttpOnly in practice: page scripts cannot read the token.
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  test('each sign-in issues a new session token, even in a browser that already has one', async ({ context, baseURL, browser }) => {
    const setup = await browser.newPage();
    const patient = await registerAndActivate(setup);
    await setup.close();
    // Two login pages opened before signing in, so the second sign-in happens with a session.
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto('/login');
    await second.goto('/login');

    await signInOnOpenPage(first, patient.person.login, patient.password);
    await expect(first).toHaveURL(/\/account$/);
    const token1 = (await context.cookies(baseURL)).find((c) => c.name === SESSION_COOKIE)?.value;
    expect(token1).toBeTruthy();

    await signInOnOpenPage(second, patient.person.login, patient.password);
    await expect(second).toHaveURL(/\/account$/);
    const token2 = (await context.cookies(baseURL)).find((c) => c.name === SESSION_COOKIE)?.value;
    expect(token2).toBeTruthy();
    expect(token2).not.toBe(token1);
  });

  test('behind an HTTPS proxy (X-Forwarded-Proto: https) the cookie is __Secure-, Secure, HttpOnly, SameSite=Lax', async ({
    playwright,
    baseURL,
    page,
  }) => {
    const patient = await registerAndActivate(page);
    const secureOrigin = baseURL!.replace(/^http:/, 'https:');
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-proto': 'https', origin: secureOrigin } });
    try {
      const fields = await hiddenFields(api, '/login');
      const response = await api.post('/login', {
        multipart: { ...fields, login: patient.person.login, password: patient.password },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
      const cookies = response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => h.value);
      const session = cookies.find((c) => c.startsWith(`__Secure-${SESSION_COOKIE}=`));
      expect(session, cookies.join('\n')).toBeTruthy();
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await api.dispose();
    }
  });
});

async function signInOnOpenPage(page: Page, login: string, password: string) {
  await page.getByRole('textbox', { name: 'Login' }).fill(login);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The hidden inputs of the page's no-JavaScript form (the server action's id and state). */
async function hiddenFields(api: APIRequestContext, route: string): Promise<Record<string, string>> {
  const html = await (await api.get(route)).text();
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    fields[unescapeHtml(m[1]!)] = unescapeHtml(m[2] ?? '');
  expect(
    Object.keys(fields).some((k) => k.startsWith('$ACTION_')),
    `server action fields on ${route}`,
  ).toBe(true);
  return fields;
}

test.describe('HSTS over HTTPS', () => {
  // A server of its own whose public address is https:// (APP_URL), as behind a TLS proxy.
  let server: RunningServer | undefined;
  let dataDir: string;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dataDir = mkdtempSync(path.join(tmpdir(), 'erej-sec-hsts-'));
    server = await startServer(3312, {
      AUTH_SECRET: 'hsts-test-secret-hsts-test-secret-hsts-test',
      APP_URL: 'https://e-rejestracja.example.pl',
      DATABASE_URL: undefined,
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      DEV_MAILBOX: undefined,
      DEMO_SEED: '0',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // HSTS is decided per request in proxy.ts (headers() in next.config.ts is frozen at build time).
  test('with an https APP_URL in production every response carries Strict-Transport-Security', async ({ playwright }) => {
    const api = await playwright.request.newContext({ baseURL: server!.url });
    try {
      for (const route of ['/login', '/register', '/account']) {
        const response = await api.get(route, { maxRedirects: 0 });
        expect(response.headers()['strict-transport-security'], route).toBe('max-age=63072000; includeSubDomains');
      }
    } finally {
      await api.dispose();
    }
  });
});
