// SPEC §13, "never a 500", as a property: arbitrary hostile requests — NUL, lone surrogates,
// control and bidi characters, malformed percent-encoding, JSON argument lists, empty and random
// bodies, other names of this host in Origin, huge headers — thrown at every route of app/ (read
// from the folder, so a new route is covered the day it lands) and at every server action its
// pages carry, as a visitor, a signed-in patient and a signed-in admin. Each answer is below 500.
// Its own server on its own PostgreSQL database, so its hostile posts (and the actions they hit
// with real ids) touch no other spec's people or limits.
import { randomInt } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { openDatabase, type Database } from '@/db/client';
import { generateP256KeyPair } from '@/lib/login-gov-pl';
import { addStaff } from '@/lib/staff/staff-accounts';
import { activePatient } from '../helpers/accounts';
import { createPostgresDatabase } from '../helpers/databases';
import { uniqueSuffix } from '../helpers/people';
import { startServer, type RunningServer } from './servers';
import { postgresBase } from './support/database';
import { hiddenFields } from './support/forms';

const SKIP_REASON = '!!! SKIPPED: the no-5xx property runs its own server on a real PostgreSQL. Set TEST_DATABASE_URL; CI sets it. !!!';
if (!postgresBase) console.warn(`\n${SKIP_REASON}\n`);

const PORT = 3341;

/** WK_* for a node at a closed port, with key pairs made for this run. */
function wkEnvironment(): Record<string, string> {
  const node = generateP256KeyPair('unreachable node');
  const signing = generateP256KeyPair('no-5xx signing');
  const encryption = generateP256KeyPair('no-5xx encryption');
  return {
    WK_SSO_URL: 'https://127.0.0.1:9/sso',
    WK_ARTIFACT_URL: 'https://127.0.0.1:9/artifact',
    WK_IDP_ENTITY_ID: 'https://unreachable.login.gov.pl',
    WK_IDP_CERT: node.certificatePem,
    WK_SP_SIGNING_KEY: signing.privateKeyPem,
    WK_SP_SIGNING_CERT: signing.certificatePem,
    WK_SP_ENCRYPTION_KEY: encryption.privateKeyPem,
    WK_SP_ENCRYPTION_CERT: encryption.certificatePem,
  };
}
const STAFF_PASSWORD = 'Rejestracja#2026-no5xx';
const RUNS = Number(process.env.NO_5XX_RUNS ?? 500);

// ---------------------------------------------------------------------------------------------
// The routes, from app/

/** Every page and route handler of app/ as a path pattern (`/activate/[token]`); private folders and route groups are not in URLs. */
function appRoutes(dir = 'app', prefix = ''): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry.startsWith('_')) continue;
      const segment = /^\(.*\)$/.test(entry) ? '' : `/${entry}`;
      routes.push(...appRoutes(full, prefix + segment));
    } else if (/^(page\.tsx|route\.ts)$/.test(entry)) {
      routes.push(prefix || '/');
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------------------------
// Bytes as a hostile client sends them

/** UTF-8, except that a lone surrogate is encoded as its own three bytes (WTF-8): invalid UTF-8 on the wire. */
function wtf8(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Buffer.from(bytes);
}

/** Every byte that is not unreserved, percent-encoded. */
const percent = (text: string) =>
  [...wtf8(text)]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const TRICKS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil',
  '\u2067x\u2069',
  '\u0001\u001F\u007F',
  '\r\nSet-Cookie: x=1',
  'ą',
  '/ą',
  '/\u0001',
  '//evil.example',
  '/\\evil.example',
  '../../etc/passwd',
  '[]',
  '{"a":1}',
  '$@1',
  '$ACTION_1:0',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  'x'.repeat(5000),
];
const hostileText = fc.oneof(fc.constantFrom(...TRICKS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 12 }));
/** Raw path or query text: percent-encoded hostile text, or encodings that do not decode at all. */
const rawPiece = fc.oneof(
  hostileText.map(percent),
  fc.constantFrom('%C0%AF', '%00', '%FF%FE', '%', '%zz', '%E0%A4%A', '%ED%A0%80', 'A'.repeat(43), '..', '%2e%2e%2f'),
);
const FIELD_NAMES = [
  'login',
  'password',
  'next',
  'q',
  'reason',
  'locale',
  'token',
  'accountId',
  'changeId',
  'document',
  'code',
  'newEmail',
  'kind',
  'action',
  'purpose',
  'from',
  'to',
];

interface Target {
  route: string;
  /** The hidden fields of one of the route's forms (an action reference), or none. */
  form: Record<string, string> | null;
  /** The action id of that form, for the Next-Action header. */
  actionId: string | null;
}

const shape = (targets: Target[]) =>
  fc.record({
    target: fc.constantFrom(...targets),
    segments: fc.array(rawPiece, { minLength: 1, maxLength: 2 }),
    dynamic: fc.boolean(),
    query: fc.option(fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES, 'reason', 'status'), rawPiece), { maxLength: 3 }), { nil: null }),
    method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD'),
    origin: fc.constantFrom('self', 'self', 'self', 'localhost', 'none', 'foreign', 'null'),
    action: fc.constantFrom('real', 'real', 'random', 'none'),
    contentType: fc.constantFrom('multipart', 'multipart', 'text/plain', 'application/json', 'urlencoded', 'octet', 'none'),
    fields: fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES), hostileText), { maxLength: 6 }),
    keepForm: fc.boolean(),
    json: fc.oneof(
      fc.constantFrom('', '[]', '[{}]', '[null]', '{}', 'null', '[1,2', '"'),
      hostileText.map((t) => JSON.stringify([t])),
    ),
    bytes: fc.uint8Array({ maxLength: 200 }),
    bigHeader: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  });
type Shape = ReturnType<typeof shape> extends fc.Arbitrary<infer T> ? T : never;

const BOUNDARY = 'No5xxBoundary7d1f';

function bodyOf(s: Shape): { type: string | null; body: Buffer } {
  const fields: Array<[string, string]> = [...(s.keepForm && s.target.form ? Object.entries(s.target.form) : []), ...s.fields];
  switch (s.contentType) {
    case 'multipart': {
      const parts = fields.map(([name, value]) =>
        Buffer.concat([
          Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
          wtf8(value),
          Buffer.from('\r\n'),
        ]),
      );
      return { type: `multipart/form-data; boundary=${BOUNDARY}`, body: Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]) };
    }
    case 'urlencoded':
      return {
        type: 'application/x-www-form-urlencoded',
        body: Buffer.from(fields.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&')),
      };
    case 'text/plain':
      return { type: 'text/plain;charset=UTF-8', body: wtf8(s.json) };
    case 'application/json':
      return { type: 'application/json', body: wtf8(s.json) };
    case 'octet':
      return { type: 'application/octet-stream', body: Buffer.from(s.bytes) };
    default:
      return { type: null, body: Buffer.alloc(0) };
  }
}

/** The path asked for: the route with its dynamic segments (and, sometimes, one more) replaced by hostile text. */
function pathOf(s: Shape): string {
  let index = 0;
  let route = s.target.route.replace(/\[[^\]]+\]/g, () => s.segments[index++ % s.segments.length]!);
  if (s.dynamic && !/\[/.test(s.target.route)) route = `${route === '/' ? '' : route}/${s.segments[0]}`;
  const query = s.query?.map(([k, v]) => `${k}=${v}`).join('&');
  return query ? `${route}?${query}` : route;
}

interface Answer {
  status: number;
  text: string;
}

function send(base: URL, cookie: string, s: Shape): Promise<Answer> {
  const { type, body } = bodyOf(s);
  const headers: Record<string, string> = {
    // A fresh address each time: the per-address limits would otherwise answer most posts with 429.
    'x-forwarded-for': `198.18.${randomInt(256)}.${randomInt(256)}`,
    'content-length': String(s.method === 'GET' || s.method === 'HEAD' ? 0 : body.length),
  };
  if (cookie) headers.cookie = cookie;
  if (type && s.method !== 'GET' && s.method !== 'HEAD') headers['content-type'] = type;
  const origins: Record<string, string | null> = {
    self: base.origin,
    localhost: `http://localhost:${base.port}`,
    none: null,
    foreign: 'https://evil.example',
    null: 'null',
  };
  if (origins[s.origin]) headers.origin = origins[s.origin]!;
  if (s.action === 'real' && s.target.actionId) headers['next-action'] = s.target.actionId;
  if (s.action === 'random') headers['next-action'] = 'f'.repeat(42);
  if (s.bigHeader) headers['x-padding'] = 'a'.repeat(20_000);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: pathOf(s), method: s.method, headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8').slice(0, 400) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    if (s.method !== 'GET' && s.method !== 'HEAD') req.write(body);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------

/** The forms on a page (hidden fields of each action), found by splitting the HTML at <form. */
function formsOf(html: string): Array<{ fields: Record<string, string>; actionId: string | null; text: string }> {
  return html
    .split(/<form\b/)
    .slice(1)
    .map((chunk) => chunk.slice(0, chunk.indexOf('</form>') + 1 || undefined))
    .map((chunk) => {
      const fields = hiddenFields(chunk);
      const ref = fields['$ACTION_1:0'] ? ((JSON.parse(fields['$ACTION_1:0']) as { id?: string }).id ?? null) : null;
      const direct = Object.keys(fields)
        .find((k) => k.startsWith('$ACTION_ID_'))
        ?.slice('$ACTION_ID_'.length);
      return { fields, actionId: ref ?? direct ?? null, text: chunk };
    })
    .filter((f) => f.actionId);
}

test.describe('no request gets a 5xx', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });
  test.skip(!postgresBase, SKIP_REASON);

  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: RunningServer | undefined;
  let db: Database | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await createPostgresDatabase(postgresBase);
    server = await startServer(PORT, {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PGLITE_DIR: undefined,
      AUTH_SECRET: 'no-5xx-test-secret-no-5xx-test-secret-no-5xx',
      APP_URL: `http://127.0.0.1:${PORT}`,
      DEV_MAILBOX: '1',
      STAFF_MFA: 'optional',
      METRICS_TOKEN: 'no-5xx-metrics-token-no-5xx',
      // Connected to a login.gov.pl that never answers: its routes run their checks on what they are sent.
      ...wkEnvironment(),
    });
    db = await openDatabase({ url: database.url, max: 2 });
  });

  test.afterAll(async () => {
    await server?.stop();
    await db?.close();
    await database?.drop();
  });

  /** Signs in through the real form; the session cookie as a Cookie header. */
  async function signedIn(login: string, password: string): Promise<string> {
    const api = await playwrightRequest.newContext({ baseURL: server!.url });
    const page = await api.get('/login');
    const form = formsOf(await page.text()).find((f) => f.text.includes('name="password"'))!;
    const answer = await api.post('/login', {
      multipart: { ...form.fields, login, password },
      headers: { origin: server!.url },
      maxRedirects: 0,
    });
    expect(answer.status(), `sign-in of ${login}`).toBe(303);
    const cookies = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await api.dispose();
    expect(cookies).toContain('session-token');
    return cookies;
  }

  test('every route and action of app/, as a visitor, a patient and an admin, answers below 500 whatever it is sent', async () => {
    const routes = appRoutes();
    expect(routes).toEqual(
      expect.arrayContaining(['/login', '/register', '/activate/[token]', '/admin/verifications/[id]', '/lang', '/account']),
    );

    const patient = await activePatient(db!.db);
    const login = `no5xx.${uniqueSuffix()}`;
    const staff = await addStaff(db!.db, { login, name: 'Pani Testowa', role: 'admin', password: STAFF_PASSWORD });
    if (!staff.ok) throw new Error(staff.error);
    const clients = {
      visitor: '',
      patient: await signedIn(patient.data.login, patient.password),
      admin: await signedIn(login, STAFF_PASSWORD),
    };

    const base = new URL(server!.url);
    for (const [who, cookie] of Object.entries(clients)) {
      // The targets: each route, and each action on the pages this client sees, with its form.
      const targets: Target[] = [];
      for (const route of routes) {
        const concrete = route.replace('[id]', patient.accountId).replace('[token]', 'A'.repeat(43)).replace('[kind]', 'accounts');
        targets.push({ route, form: null, actionId: null });
        const page = await fetch(new URL(concrete, base), { headers: cookie ? { cookie } : {}, redirect: 'manual' });
        expect(page.status, `${who} GET ${concrete}`).toBeLessThan(500);
        // Signing out would end the client's session and leave the rest of the run anonymous.
        for (const form of formsOf(await page.text()))
          if (!/Wyloguj/.test(form.text)) targets.push({ route, form: form.fields, actionId: form.actionId });
      }
      const actions = new Set(targets.map((t) => t.actionId).filter(Boolean));
      expect(actions.size, `${who}: actions found on the pages`).toBeGreaterThanOrEqual(4);

      const failures: string[] = [];
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(shape(targets), async (s) => {
          const answer = await send(base, cookie, s);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500) failures.push(`${s.method} ${pathOf(s)} → ${answer.status}`);
          expect(
            answer.status,
            `${who}: ${s.method} ${pathOf(s)} (${s.contentType}, action ${s.action}, origin ${s.origin}): ${answer.text}\n` +
              `server said: ${server!.output().slice(-1500)}`,
          ).toBeLessThan(500);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(failures).toEqual([]);
      // Not only refusals at the door: part of the run reached pages and actions behind proxy.ts.
      const summary = [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      test.info().annotations.push({ type: `${who} answers`, description: summary });
      const reached = [...statuses].filter(([status]) => status < 400).reduce((n, [, count]) => n + count, 0);
      expect(reached, `${who}: ${summary}`).toBeGreaterThan(RUNS / 20);
    }
    // The server lived through it and still serves.
    expect((await fetch(new URL('/login', base))).status).toBe(200);
  });
});
