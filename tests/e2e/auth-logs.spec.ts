// Auth.js logs through pino (lib/auth/auth-logger.ts): a forged session cookie is one JSON warning
// line, never a multi-line `[auth][error]` stack trace, which an attack would turn into a flood.
// Sign-in is ours (app/(public)/login/actions.ts): Auth.js has no HTTP routes to post a forged
// sign-in to. Real HTTP against a production server of its own.
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from './servers';

const PORT = 3331;
let server: RunningServer | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startServer(PORT, {
    APP_URL: `http://127.0.0.1:${PORT}`,
    AUTH_SECRET: 'auth-logs-secret-auth-logs-secret-auth-logs',
    DATABASE_URL: '',
    PGLITE_DIR: `.data/e2e-auth-logs-${Date.now()}`,
    DEMO_SEED: '0',
    TRUSTED_PROXY_HOPS: '0',
  });
});

test.afterAll(async () => {
  await server?.stop();
});

async function logLines(predicate: (line: Record<string, unknown>) => boolean) {
  let lines: Record<string, unknown>[] = [];
  await expect
    .poll(() => {
      lines = server!
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter(predicate);
      return lines.length;
    })
    .toBeGreaterThan(0);
  return lines;
}

test('Auth.js has no HTTP routes: a sign-in posted to its callback finds nothing and gets no session', async () => {
  const url = server!.url;
  for (const path of ['/api/auth/callback/credentials', '/api/auth/signin/credentials', '/api/auth/session', '/api/auth/csrf']) {
    const response = await fetch(`${url}${path}`, {
      method: path.endsWith('credentials') ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      body: path.endsWith('credentials') ? new URLSearchParams({ ticket: 'forged', callbackUrl: `${url}/account` }).toString() : undefined,
    });
    expect(response.status, path).toBe(404);
    expect(response.headers.getSetCookie().join('\n'), path).not.toContain('session-token');
  }
});

test('forged session cookies are refused with one JSON warning line each, with no [auth] trace', async () => {
  const url = server!.url;
  const before = server!.output().length;
  for (const forged of [
    'garbage',
    'a.b.c.d.e',
    `eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..${'A'.repeat(22)}.${'B'.repeat(40)}.${'C'.repeat(43)}`,
  ]) {
    const response = await fetch(`${url}/account`, { redirect: 'manual', headers: { cookie: `authjs.session-token=${forged}` } });
    expect(response.status, forged).toBe(307);
    expect(response.headers.get('location'), forged).toContain('/login');
  }
  const refused = await logLines((l) => l.event === 'auth request refused' && l.type === 'JWTSessionError');
  expect(refused.length).toBe(3);
  expect(refused[0]).toMatchObject({ level: 40 });
  const output = server!.output().slice(before);
  expect(output).not.toContain('[auth]');
  expect(output).not.toContain('"level":50');
  // Every line the server printed meanwhile is one JSON event.
  for (const line of output.split('\n').filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
});
