// Auth.js logs through pino (lib/auth/auth-logger.ts): a refused sign-in is one JSON info line,
// never a multi-line `[auth][error] CredentialsSignin` stack trace, which a password-guessing
// attack would turn into a flood. Real HTTP against a production server of its own.
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

/** The CSRF token and its cookie, as a browser would hold them. */
async function csrf(url: string): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { token: csrfToken, cookie };
}

function postCredentials(url: string, fields: Record<string, string>, cookie = '') {
  return fetch(`${url}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

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

test('failed credential sign-ins are one JSON info line each, with no [auth][error] trace', async () => {
  const url = server!.url;
  const before = server!.output().length;
  for (let i = 0; i < 5; i++) {
    const { token, cookie } = await csrf(url);
    const response = await postCredentials(url, { csrfToken: token, ticket: `forged-${i}`, callbackUrl: `${url}/account` }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('error=CredentialsSignin');
  }
  const refused = await logLines((l) => l.event === 'auth sign-in refused');
  expect(refused.length).toBe(5);
  expect(refused[0]).toMatchObject({ level: 30, type: 'CredentialsSignin' });
  const output = server!.output().slice(before);
  expect(output).not.toContain('[auth]');
  expect(output).not.toContain('CredentialsSignin:');
  // Every line the server printed meanwhile is one JSON event.
  for (const line of output.split('\n').filter(Boolean)) expect(() => JSON.parse(line), line).not.toThrow();
});

test('a post without the CSRF token is one JSON warning, not a stack trace', async () => {
  const url = server!.url;
  const before = server!.output().length;
  const response = await postCredentials(url, { ticket: 'forged', callbackUrl: `${url}/account` });
  expect(response.status).toBeLessThan(500);
  const refused = await logLines((l) => l.event === 'auth request refused');
  expect(refused.at(-1)).toMatchObject({ level: 40, type: 'MissingCSRF' });
  expect(server!.output().slice(before)).not.toContain('[auth]');
});
