// The login.gov.pl simulator's endpoints (app/dev/wk, development only), called as Next calls them:
// a signed AuthnRequest in, a person picked, the artifact resolved once; every bad post a 400.
import { describe, expect, it } from 'vitest';
import { POST as resolveArtifact } from '@/app/dev/wk/artifact/route';
import { POST as choose } from '@/app/dev/wk/sso/choose/route';
import { POST as signIn } from '@/app/dev/wk/sso/route';
import { buildArtifactResolve, buildAuthnRequest, encodeSamlRequest, newMessageId } from '@/lib/login-gov-pl';
import { wkConfig } from '@/lib/wk/config';

const config = wkConfig()!;

function post(url: string, body: string | Record<string, string>): Request {
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new URLSearchParams(body),
  });
}

function authnRequest(acsUrl = config.acsUrl): string {
  const xml = buildAuthnRequest({
    id: newMessageId(),
    issueInstant: new Date(),
    destination: config.ssoUrl,
    acsUrl,
    spEntityId: config.spEntityId,
    loa: config.loa,
    signingKeyPem: config.signingKey,
    signingCertPem: config.signingCert,
  });
  return encodeSamlRequest(xml);
}

function artifactResolve(artifact: string): string {
  return buildArtifactResolve({
    id: newMessageId(),
    issueInstant: new Date(),
    destination: config.artifactUrl,
    spEntityId: config.spEntityId,
    artifact,
    signingKeyPem: config.signingKey,
    signingCertPem: config.signingCert,
  });
}

/** The simulator's sign-in page for a fresh request, and the session its buttons carry. */
async function started(): Promise<string> {
  const page = await signIn(post('/dev/wk/sso', { SAMLRequest: authnRequest() }));
  expect(page.status).toBe(200);
  const session = /name="session" value="([^"]+)"/.exec(await page.text())?.[1];
  expect(session).toBeDefined();
  return session!;
}

describe('the login.gov.pl simulator', () => {
  it('runs in tests as in development, without WK_*', () => {
    expect(config.simulator).not.toBeNull();
  });

  it('signs a picked person in: the ACS gets an artifact that resolves once', async () => {
    const session = await started();
    const back = await choose(post('/dev/wk/sso/choose', { session, person: '0' }));
    expect(back.status).toBe(303);
    const location = new URL(back.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(config.acsUrl);
    const artifact = location.searchParams.get('SAMLart')!;

    const answer = await resolveArtifact(post('/dev/wk/artifact', artifactResolve(artifact)));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await answer.text()).toContain('ArtifactResponse');
    const again = await resolveArtifact(post('/dev/wk/artifact', artifactResolve(artifact)));
    expect([again.status, await again.text()]).toEqual([400, 'Bad Request: unknown artifact']);
  });

  it('refuses a second pick for the same request', async () => {
    const session = await started();
    expect((await choose(post('/dev/wk/sso/choose', { session, person: 'cancel' }))).status).toBe(303);
    const second = await choose(post('/dev/wk/sso/choose', { session, person: '0' }));
    expect([second.status, await second.text()]).toEqual([400, 'Bad Request: this sign-in was used already']);
  });

  it('answers 400 to a pick without a session or person, or of a person it does not have', async () => {
    const session = await started();
    const forms: Array<Record<string, string>> = [{ session }, { person: '0' }, { session, person: '999' }, { session, person: 'x' }];
    for (const form of forms) {
      const answer = await choose(post('/dev/wk/sso/choose', form));
      expect([answer.status, await answer.text()], JSON.stringify(form)).toEqual([400, 'Bad Request']);
    }
    expect((await choose(post('/dev/wk/sso/choose', 'not a form'))).status).toBe(400);
  });

  it('answers 400 with the reason to an AuthnRequest that is missing, unsigned or for a foreign ACS', async () => {
    const missing = await signIn(post('/dev/wk/sso', {}));
    expect([missing.status, await missing.text()]).toEqual([400, 'Bad Request']);
    const garbage = await signIn(post('/dev/wk/sso', { SAMLRequest: Buffer.from('<x/>').toString('base64') }));
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toMatch(/^Bad Request: \w+/);
    const foreign = await signIn(post('/dev/wk/sso', { SAMLRequest: authnRequest('https://elsewhere.example/api/wk/acs') }));
    expect([foreign.status, await foreign.text()]).toEqual([400, 'Bad Request: foreign ACS']);
  });

  it('answers 400 with the reason to an ArtifactResolve it cannot read', async () => {
    const answer = await resolveArtifact(post('/dev/wk/artifact', '<soap/>'));
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/^Bad Request: \w+/);
  });
});
