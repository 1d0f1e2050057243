// The login.gov.pl stub of the end-to-end tests, tested by playing the service with the library:
// if the stub answered wrongly, every e2e test of the feature would prove nothing. Checked: real
// HTTPS trusted through tlsCaPem only, the whole HTTP-POST → artifact → SOAP exchange, one use
// per artifact, refusal of badly signed requests, and that each hostile mode trips exactly the
// library check it is meant for (the reason code, and the refusal's detail where several checks
// share a reason).
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import {
  buildArtifactResolve,
  buildAuthnRequest,
  buildLogoutRequest,
  encodeSamlRequest,
  newMessageId,
  STATUS,
} from '@/lib/login-gov-pl/messages';
import { readArtifactResponse, type WkIdentity } from '@/lib/login-gov-pl/artifact-response';
import { WkRefusal, type RefusalReason } from '@/lib/login-gov-pl/refusal';
import { verifyEnvelopedSignature } from '@/lib/login-gov-pl/signature';
import { NS, childElements, onlyChild, parseXml } from '@/lib/login-gov-pl/xml';
import { HOSTILE_MODES, startStubNode, type HostileMode, type StubNode, type StubPerson } from '@/tests/e2e/support/wk-stub-node';

const SP = 'https://rejestracja.example';
const ACS = 'https://rejestracja.example/api/wk/acs';
const spSigning = generateP256KeyPair('service signing');
const spEncryption = generateP256KeyPair('service encryption');
const people: StubPerson[] = [
  { pesel: '44051401458', firstName: 'Jan', lastName: 'Kowalski', birthDate: '1944-05-14' },
  { pesel: '02070803628', firstName: 'Zofia', lastName: 'Żółkiewska', birthDate: '1902-07-08', loa: 'high', authenticatingAuthority: 'PZ' },
];

let stub: StubNode;
beforeAll(async () => {
  stub = await startStubNode({ spSigningCertPem: spSigning.certificatePem, spEncryptionCertPem: spEncryption.certificatePem, people });
});
afterAll(async () => {
  await stub?.stop();
});

interface HttpAnswer {
  status: number;
  location: string | undefined;
  body: string;
}

/**
 * POSTs over HTTPS trusting the stub's certificate, as the app will through NODE_EXTRA_CA_CERTS
 * (`trust: false` leaves Node's default store alone, to show the certificate is what is trusted).
 */
function post(url: string, body: string, contentType: string, trust = true): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const ca = trust ? stub.tlsCaPem : undefined;
    const request = httpsRequest(url, { method: 'POST', ca, headers: { 'Content-Type': contentType } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

const postForm = (url: string, fields: Record<string, string>) =>
  post(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');

/** Sends a signed AuthnRequest to /sso as the app's auto-submitted form would. */
async function sendAuthnRequest(signingKeyPem = spSigning.privateKeyPem): Promise<{ requestId: string; answer: HttpAnswer }> {
  const requestId = newMessageId();
  const xml = buildAuthnRequest({
    id: requestId,
    issueInstant: new Date(),
    destination: stub.ssoUrl,
    acsUrl: ACS,
    spEntityId: SP,
    loa: 'substantial',
    signingKeyPem,
    signingCertPem: spSigning.certificatePem,
  });
  const answer = await postForm(stub.ssoUrl, { SAMLRequest: encodeSamlRequest(xml), RelayState: 'relay-1' });
  return { requestId, answer };
}

/** The SAMLart of a 303 to our ACS, checking the redirect on the way. */
function artifactOf(answer: HttpAnswer): string {
  expect(answer.status).toBe(303);
  const location = new URL(answer.location!);
  expect(`${location.origin}${location.pathname}`).toBe(ACS);
  expect(location.searchParams.get('RelayState')).toBe('relay-1');
  return location.searchParams.get('SAMLart')!;
}

/** The app's signed SOAP ArtifactResolve. */
async function resolveArtifact(artifact: string): Promise<{ resolveId: string; answer: HttpAnswer }> {
  const resolveId = newMessageId();
  const xml = buildArtifactResolve({
    id: resolveId,
    issueInstant: new Date(),
    destination: stub.artifactUrl,
    spEntityId: SP,
    artifact,
    signingKeyPem: spSigning.privateKeyPem,
    signingCertPem: spSigning.certificatePem,
  });
  return { resolveId, answer: await post(stub.artifactUrl, xml, 'text/xml; charset=utf-8') };
}

/** Reads the node's answer exactly as the app does, trusting only the configured node certificate. */
function readAnswer(soap: string, requestId: string, resolveId: string): WkIdentity {
  return readArtifactResponse(soap, {
    idpCert: stub.idpCertPem,
    idpEntityId: stub.entityId,
    spEntityId: SP,
    acsUrl: ACS,
    spEncryptionKeyPem: spEncryption.privateKeyPem,
    expectedRequestId: requestId,
    artifactResolveId: resolveId,
    now: new Date(),
    minimumLoa: 'substantial',
  });
}

/** The whole exchange with a queued answer, returning what the resolve answered. */
async function signInWith(answer: StubPerson | HostileMode) {
  stub.answerNextWith(answer);
  const { requestId, answer: redirect } = await sendAuthnRequest();
  const artifact = artifactOf(redirect);
  const { resolveId, answer: soap } = await resolveArtifact(artifact);
  expect(soap.status).toBe(200);
  return { requestId, resolveId, artifact, soap: soap.body };
}

function refusalOf(run: () => unknown): WkRefusal {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WkRefusal);
    return error as WkRefusal;
  }
  throw new Error('expected a refusal');
}

describe('the stub node over HTTPS', () => {
  it('serves a certificate for IP 127.0.0.1 that Node trusts when given as a CA, and only then', async () => {
    expect(new X509Certificate(stub.tlsCaPem).subjectAltName).toContain('IP Address:127.0.0.1');
    expect(stub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const trusted = await post(stub.ssoUrl, 'SAMLRequest=', 'application/x-www-form-urlencoded');
    expect(trusted.status).toBe(400); // reached the stub; an empty request is refused
    await expect(post(stub.ssoUrl, '', 'application/x-www-form-urlencoded', false)).rejects.toMatchObject({
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
  });

  it('is trusted by fetch in a Node process started with tlsCaPem as NODE_EXTRA_CA_CERTS (how the app server gets it)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'wk-stub-'));
    try {
      const caFile = path.join(folder, 'ca.pem');
      writeFileSync(caFile, stub.tlsCaPem);
      const script = `fetch(process.argv[1], { method: 'POST' }).then((r) => console.log(r.status), (e) => console.log(e.cause?.code))`;
      const run = (env: NodeJS.ProcessEnv) =>
        new Promise<string>((resolve, reject) =>
          execFile(process.execPath, ['-e', script, stub.ssoUrl], { env }, (error, stdout) =>
            error ? reject(error) : resolve(stdout.trim()),
          ),
        );
      expect(await run({ ...process.env, NODE_EXTRA_CA_CERTS: caFile })).toBe('415'); // reached the stub: not a form
      expect(await run({ ...process.env, NODE_EXTRA_CA_CERTS: undefined })).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers a queued person: 303 to the ACS with SAMLart and RelayState, then their identity, names in lower case', async () => {
    const { requestId, resolveId, artifact, soap } = await signInWith(people[1]!);
    expect(readAnswer(soap, requestId, resolveId)).toMatchObject({
      requestId,
      pesel: '02070803628',
      firstName: 'zofia',
      lastName: 'żółkiewska',
      birthDate: '1902-07-08',
      loa: 'high',
      authenticatingAuthority: 'PZ',
      nameId: '02070803628',
    });
    expect(soap).toContain(`Destination="${ACS}"`);
    expect(stub.requests.authnRequests.at(-1)).toEqual({
      id: requestId,
      issuer: SP,
      acsUrl: ACS,
      loa: 'substantial',
      relayState: 'relay-1',
    });
    expect(stub.requests.resolves.at(-1)).toEqual({
      id: resolveId,
      issuer: SP,
      artifact,
      outcome: 'answered',
      requestId,
      answer: '02070803628',
    });
  });

  it('without a queued answer shows a page of people; a click answers with that person at substantial via mObywatel', async () => {
    const { requestId, answer: page } = await sendAuthnRequest();
    expect(page.status).toBe(200);
    expect(page.body).toContain('<button type="submit" name="choice" value="0">Jan Kowalski</button>');
    expect(page.body).toContain('<button type="submit" name="choice" value="cancel">Anuluj</button>');
    const session = /name="session" value="([^"]+)"/.exec(page.body)![1]!;
    const chosen = await postForm(`${stub.url}/sso/choose`, { session, choice: '0' });
    const { resolveId, answer } = await resolveArtifact(artifactOf(chosen));
    expect(readAnswer(answer.body, requestId, resolveId)).toMatchObject({
      pesel: '44051401458',
      firstName: 'jan',
      lastName: 'kowalski',
      loa: 'substantial',
      authenticatingAuthority: 'mObywatel',
    });
    // The page's session is used once, as the AuthnRequest behind it.
    expect((await postForm(`${stub.url}/sso/choose`, { session, choice: '0' })).status).toBe(400);
  });

  it('answers AuthnFailed when the person cancels on the page', async () => {
    const { requestId, answer: page } = await sendAuthnRequest();
    const session = /name="session" value="([^"]+)"/.exec(page.body)![1]!;
    const { resolveId, answer } = await resolveArtifact(
      artifactOf(await postForm(`${stub.url}/sso/choose`, { session, choice: 'cancel' })),
    );
    expect(refusalOf(() => readAnswer(answer.body, requestId, resolveId)).reason).toBe('cancelled');
    expect(answer.body).toContain(STATUS.authnFailed);
  });

  it('answers a second resolve of the same artifact without success and without a Response', async () => {
    const { requestId, artifact } = await signInWith(people[0]!);
    const again = await resolveArtifact(artifact);
    expect(again.answer.status).toBe(200);
    expect(again.answer.body).not.toContain(STATUS.success);
    expect(again.answer.body).not.toContain('<saml2p:Response');
    expect(refusalOf(() => readAnswer(again.answer.body, requestId, again.resolveId)).reason).toBe('status');
    expect(stub.requests.resolves.at(-1)).toMatchObject({ id: again.resolveId, outcome: 'reused-artifact', answer: null });
  });

  it('refuses an AuthnRequest signed by another key with a 4xx and no artifact', async () => {
    const before = stub.requests.authnRequests.length;
    const { answer } = await sendAuthnRequest(generateP256KeyPair('not the service').privateKeyPem);
    expect(answer.status).toBe(400);
    expect(answer.location).toBeUndefined();
    expect(answer.body).toContain('signature');
    expect(stub.requests.authnRequests).toHaveLength(before);
  });

  it('refuses an ArtifactResolve whose signature does not verify, and an unknown artifact', async () => {
    const { artifact } = await signInWith(people[0]!);
    const forged = buildArtifactResolve({
      id: newMessageId(),
      issueInstant: new Date(),
      destination: stub.artifactUrl,
      spEntityId: SP,
      artifact,
      signingKeyPem: generateP256KeyPair('attacker').privateKeyPem,
      signingCertPem: spSigning.certificatePem,
    });
    const refused = await post(stub.artifactUrl, forged, 'text/xml');
    expect(refused.status).toBe(500);
    expect(refused.body).toContain('<soap:Fault>');
    const unknown = await resolveArtifact(Buffer.alloc(44, 0).fill(4, 1, 2).toString('base64'));
    expect(unknown.answer.body).toContain(STATUS.requester);
    expect(stub.requests.resolves.at(-1)?.outcome).toBe('unknown-artifact');
  });

  it('answers a signed SOAP LogoutRequest with a LogoutResponse of Success signed by the node', async () => {
    const id = newMessageId();
    const xml = buildLogoutRequest({
      id,
      issueInstant: new Date(),
      destination: stub.logoutUrl,
      spEntityId: SP,
      nameId: '44051401458',
      sessionIndex: 'session-1',
      signingKeyPem: spSigning.privateKeyPem,
      signingCertPem: spSigning.certificatePem,
    });
    const answer = await post(stub.logoutUrl, xml, 'text/xml');
    expect(answer.status).toBe(200);
    const doc = parseXml(answer.body);
    const [logoutResponse] = childElements(onlyChild(doc.documentElement!, NS.soap, 'Body'));
    verifyEnvelopedSignature(doc, logoutResponse!, stub.idpCertPem);
    expect(logoutResponse!.getAttribute('InResponseTo')).toBe(id);
    expect(answer.body).toContain(STATUS.success);
    expect(stub.requests.logouts.at(-1)).toEqual({ id, issuer: SP, nameId: '44051401458', sessionIndex: 'session-1' });
  });
});

/** Each mode's expected refusal; the detail pins down which check fired where several share a reason. */
const EXPECTED: Record<HostileMode, { reason: RefusalReason; detail?: RegExp }> = {
  'bad-signature': { reason: 'signature', detail: /signature value does not verify/ },
  tampered: { reason: 'signature', detail: /digest mismatch/ },
  unsigned: { reason: 'signature', detail: /is not signed/ },
  'other-key': { reason: 'signature', detail: /signature value does not verify/ },
  'wrong-issuer': { reason: 'issuer' },
  'wrong-audience': { reason: 'audience' },
  expired: { reason: 'expired' },
  'unknown-in-response-to': { reason: 'in_response_to' },
  'encrypted-to-other-key': { reason: 'decryption' },
  cancelled: { reason: 'cancelled' },
  wrapping: { reason: 'signature', detail: /reference points elsewhere/ },
};

describe('hostile answers of the stub', () => {
  it.each(HOSTILE_MODES)('%s is refused by the library for the intended reason', async (mode) => {
    const { requestId, resolveId, soap } = await signInWith(mode);
    const refusal = refusalOf(() => readAnswer(soap, requestId, resolveId));
    expect(refusal.reason).toBe(EXPECTED[mode].reason);
    if (EXPECTED[mode].detail) expect(refusal.message).toMatch(EXPECTED[mode].detail);
    expect(stub.requests.resolves.at(-1)).toMatchObject({ id: resolveId, outcome: 'answered', answer: mode });
  });

  it('other-key embeds the other certificate, and wrapping keeps the genuine signed answer in a SOAP Header', async () => {
    const otherKey = await signInWith('other-key');
    const embedded = /<ds:X509Certificate>([^<]+)</.exec(otherKey.soap)![1]!;
    expect(stub.idpCertPem.replace(/-----[^-]+-----|\s/g, '')).not.toBe(embedded);
    const wrapping = await signInWith('wrapping');
    expect(wrapping.soap).toMatch(/<soap:Header><saml2p:ArtifactResponse [\s\S]*<\/soap:Header><soap:Body><saml2p:ArtifactResponse /);
  });
});
