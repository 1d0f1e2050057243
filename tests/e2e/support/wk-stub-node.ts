// A stub of login.gov.pl (Węzeł Krajowy) for the end-to-end tests: our own node, speaking the
// protocol of SPEC §17 over real HTTPS on 127.0.0.1 with keys made at start. It reads the app's
// signed AuthnRequest (HTTP-POST), lets the test or the person on its page choose who signs in,
// sends the browser back with an artifact (HTTP-Artifact) and answers the app's signed SOAP
// ArtifactResolve with a signed ArtifactResponse holding a signed Response and an assertion
// encrypted to the app — or, when a test asks for it, with one of the hostile answers the app
// must refuse. Only the message layer comes from the library's simulated node; the HTTP side,
// the one-use artifacts and the hostile variants are here.
import { X509Certificate, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ECDSA_WITH_SHA256, der, generateP256KeyPair, sequence, type P256KeyPairPem } from '@/lib/login-gov-pl/certificate';
import { STATUS, newMessageId, samlInstant, type Loa } from '@/lib/login-gov-pl/messages';
import { isWkRefusal } from '@/lib/login-gov-pl/refusal';
import { signEnveloped } from '@/lib/login-gov-pl/signature';
import {
  createArtifact,
  readArtifactResolve,
  readAuthnRequest,
  readLogoutRequest,
  simulateArtifactResponse,
  simulateLogoutResponse,
  type ReceivedAuthnRequest,
  type SimulatedAnswerOptions,
  type SimulatedPerson,
} from '@/lib/login-gov-pl/simulated-node';
import { NS, escapeXml } from '@/lib/login-gov-pl/xml';

/** Answers the app must refuse, each aimed at one of its checks. */
export const HOSTILE_MODES = [
  'bad-signature',
  'tampered',
  'unsigned',
  'other-key',
  'wrong-issuer',
  'wrong-audience',
  'expired',
  'unknown-in-response-to',
  'encrypted-to-other-key',
  'cancelled',
  'wrapping',
] as const;
export type HostileMode = (typeof HOSTILE_MODES)[number];

export interface StubPerson extends SimulatedPerson {
  /** The button's text on the stub's page (default: "First Last"). */
  label?: string;
  /** Default `substantial`. */
  loa?: Loa;
  /** Default `mObywatel`. */
  authenticatingAuthority?: string;
}

export interface StubNodeOptions {
  /** The app's WK_SP_SIGNING_CERT: AuthnRequest, ArtifactResolve and LogoutRequest must verify against it. */
  spSigningCertPem: string;
  /** The app's WK_SP_ENCRYPTION_CERT: assertions are encrypted to it. */
  spEncryptionCertPem: string;
  /** The people offered on the stub's page; the first is also the one in hostile answers by default. */
  people: readonly StubPerson[];
  /** Default 0 (any free port). */
  port?: number;
  /** Default `https://stub.login.gov.pl`. */
  entityId?: string;
  /** The node's clock (default: the real one). */
  now?: () => Date;
  /** Put Destination (= the ACS) on the Response; the real node leaves it out. Default true. */
  responseDestination?: boolean;
}

export interface LoggedAuthnRequest {
  id: string;
  issuer: string;
  acsUrl: string;
  loa: Loa;
  relayState: string | null;
}

export type ResolveOutcome = 'answered' | 'unknown-artifact' | 'reused-artifact' | 'other-issuer';

export interface LoggedResolve {
  id: string;
  issuer: string;
  artifact: string;
  outcome: ResolveOutcome;
  /** The AuthnRequest the artifact answers, when it is one the stub issued. */
  requestId: string | null;
  /** What was answered: a person's PESEL or a hostile mode. */
  answer: string | null;
}

export type LoggedLogout = ReturnType<typeof readLogoutRequest>;

/** Everything the stub received, for the tests' assertions. */
export interface StubRequestLog {
  authnRequests: LoggedAuthnRequest[];
  resolves: LoggedResolve[];
  logouts: LoggedLogout[];
  /** Requests the stub refused (bad signature, unknown page session…), with the reason. */
  rejected: { path: string; reason: string }[];
}

export interface StubNode {
  /** https://127.0.0.1:PORT */
  readonly url: string;
  readonly ssoUrl: string;
  readonly artifactUrl: string;
  readonly logoutUrl: string;
  readonly entityId: string;
  /** WK_IDP_CERT: the node's signing certificate. */
  readonly idpCertPem: string;
  /** The TLS certificate (self-signed, IP:127.0.0.1) to trust: write it to a file for NODE_EXTRA_CA_CERTS. */
  readonly tlsCaPem: string;
  readonly requests: StubRequestLog;
  /**
   * The next AuthnRequest is answered at once (no page) with this person, or with this hostile
   * mode about `person` (default: the first of `people`). Answers queue up in order.
   */
  answerNextWith(answer: StubPerson | HostileMode, person?: StubPerson): void;
  stop(): Promise<void>;
}

const DEFAULT_ENTITY_ID = 'https://stub.login.gov.pl';
const MAX_BODY_BYTES = 512 * 1024;
const OTHER_ISSUER = 'https://evil.login.gov.pl.example';
const OTHER_AUDIENCE = 'https://other-service.example';
/** Far beyond any clock skew: a 30-minute assertion made two hours ago. */
const EXPIRED_BY_MS = 2 * 60 * 60 * 1000;

/** What an artifact resolves to: a person, honestly or in one of the hostile ways. */
interface PlannedAnswer {
  person: StubPerson;
  mode: HostileMode | null;
}

interface IssuedArtifact {
  request: ReceivedAuthnRequest;
  answer: PlannedAnswer;
  issuedAt: Date;
  resolved: boolean;
}

interface StubKeys {
  node: P256KeyPairPem;
  /** An attacker's signing key (other-key, and to make the forgery of wrapping before its signatures are stripped). */
  otherSigning: P256KeyPairPem;
  /** Another service's encryption key (encrypted-to-other-key). */
  otherEncryption: P256KeyPairPem;
}

// ---------------------------------------------------------------------------------------------
// TLS certificate. The library's certificate helper writes no extensions, but Node's TLS client
// checks an IP address against subjectAltName only (never the CN), so the stub writes its own
// DER: an X.509 v3 certificate with subjectAltName IP:127.0.0.1 and DNS:localhost.

const derSequence = sequence;

function derName(commonName: string): Buffer {
  return derSequence(der(0x31, derSequence(Buffer.from('0603550403', 'hex'), der(0x0c, Buffer.from(commonName, 'utf8')))));
}

function derUtcTime(date: Date): Buffer {
  return der(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z', 'ascii'));
}

function subjectAltNameExtension(): Buffer {
  const ip = der(0x87, Buffer.from([127, 0, 0, 1])); // iPAddress [7]
  const dns = der(0x82, Buffer.from('localhost', 'ascii')); // dNSName [2]
  return derSequence(Buffer.from('0603551d11', 'hex'), der(0x04, derSequence(ip, dns)));
}

function toPem(label: string, bytes: Buffer): string {
  const body = bytes.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A fresh P-256 TLS key and a self-signed certificate for 127.0.0.1, valid from yesterday for 30 days. */
function createLocalhostTlsCertificate(): { keyPem: string; certPem: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, no leading zero byte
  const notBefore = new Date(Date.now() - 86_400_000); // a little slack for clocks
  const notAfter = new Date(notBefore.getTime() + 30 * 86_400_000);
  const tbs = derSequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_WITH_SHA256,
    derName('stub.login.gov.pl TLS'),
    derSequence(derUtcTime(notBefore), derUtcTime(notAfter)),
    derName('stub.login.gov.pl TLS'),
    createPublicKey(privateKey).export({ type: 'spki', format: 'der' }),
    der(0xa3, derSequence(subjectAltNameExtension())),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const certPem = toPem('CERTIFICATE', derSequence(tbs, ECDSA_WITH_SHA256, der(0x03, Buffer.from([0]), signature)));
  new X509Certificate(certPem); // fails loudly if the DER were ever wrong
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certPem };
}

// ---------------------------------------------------------------------------------------------
// Hostile answers. Each starts from an honest answer and breaks exactly one thing.

const SIGNATURE = /<ds:Signature>[\s\S]*?<\/ds:Signature>/g;
const ARTIFACT_RESPONSE = /<saml2p:ArtifactResponse [\s\S]*<\/saml2p:ArtifactResponse>/;
const ENCRYPTED_ASSERTION = /<saml2:EncryptedAssertion>[\s\S]*<\/saml2:EncryptedAssertion>/;

function mustMatch(pattern: RegExp, text: string): string {
  const match = new RegExp(pattern.source).exec(text);
  if (!match) throw new Error(`stub: ${pattern.source} not found in its own answer`);
  return match[0];
}

/** Flips one bit of the ArtifactResponse's SignatureValue (the first one in the document): the digest still matches. */
function corruptSignatureValue(soap: string): string {
  return soap.replace(/<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/, (_match, value: string) => {
    const bytes = Buffer.from(value, 'base64');
    bytes[10] = bytes[10]! ^ 0x01;
    return `<ds:SignatureValue>${bytes.toString('base64')}</ds:SignatureValue>`;
  });
}

/** Removes every ds:Signature, leaving the messages exactly as they were before signing. */
function stripSignatures(xml: string): string {
  return xml.replace(SIGNATURE, '');
}

/**
 * The PESEL changed after signing. It travels encrypted, and anyone can encrypt to the service's
 * public certificate, so the tamperer swaps in an EncryptedAssertion naming another PESEL.
 */
function swapEncryptedAssertion(signed: string, other: string): string {
  const replacement = mustMatch(ENCRYPTED_ASSERTION, other);
  return signed.replace(ENCRYPTED_ASSERTION, () => replacement);
}

/**
 * Signature wrapping (XSW): the signed ArtifactResponse is moved into a soap:Header, and a forged
 * one (another person, no signatures of its own) takes its place in the Body carrying the moved
 * one's Signature, whose Reference still names the moved element's ID. A verifier that checks
 * "some element with that ID is signed" and then reads the Body would accept it; the library
 * refuses because the Reference does not point at the element it reads.
 */
function wrapSignature(signed: string, forgery: string): string {
  const signedResponse = mustMatch(ARTIFACT_RESPONSE, signed);
  const outerSignature = mustMatch(SIGNATURE, signedResponse);
  const forged = stripSignatures(mustMatch(ARTIFACT_RESPONSE, forgery)).replace(
    '</saml2:Issuer>',
    () => `</saml2:Issuer>${outerSignature}`,
  );
  return signed
    .replace(signedResponse, () => forged)
    .replace('<soap:Body>', () => `<soap:Header>${signedResponse}</soap:Header><soap:Body>`);
}

/** Another well-formed PESEL than the person's, for the tampered and forged answers. */
function otherPesel(pesel: string): string {
  return pesel === '02070803628' ? '44051401458' : '02070803628';
}

type AnswerBuilder = (base: SimulatedAnswerOptions, keys: StubKeys) => string;

const HOSTILE_ANSWERS: Record<HostileMode, AnswerBuilder> = {
  'bad-signature': (base) => corruptSignatureValue(simulateArtifactResponse(base)),
  tampered: (base) =>
    swapEncryptedAssertion(
      simulateArtifactResponse(base),
      simulateArtifactResponse({ ...base, person: { ...base.person, pesel: otherPesel(base.person.pesel) } }),
    ),
  unsigned: (base) => stripSignatures(simulateArtifactResponse(base)),
  // signEnveloped puts the signer's certificate in KeyInfo: the app must ignore it.
  'other-key': (base, keys) =>
    simulateArtifactResponse({
      ...base,
      nodeSigningKeyPem: keys.otherSigning.privateKeyPem,
      nodeSigningCertPem: keys.otherSigning.certificatePem,
    }),
  'wrong-issuer': (base) => simulateArtifactResponse({ ...base, nodeEntityId: OTHER_ISSUER }),
  // serviceName stays the app's, so the KDF still matches and only the Audience is wrong.
  'wrong-audience': (base) => simulateArtifactResponse({ ...base, spEntityId: OTHER_AUDIENCE, serviceName: base.spEntityId }),
  expired: (base) => simulateArtifactResponse({ ...base, now: new Date(base.now.getTime() - EXPIRED_BY_MS), validitySeconds: 1800 }),
  'unknown-in-response-to': (base) => simulateArtifactResponse({ ...base, requestId: newMessageId() }),
  'encrypted-to-other-key': (base, keys) => simulateArtifactResponse({ ...base, spEncryptionCertPem: keys.otherEncryption.certificatePem }),
  cancelled: (base) => simulateArtifactResponse({ ...base, status: { code: STATUS.responder, subCode: STATUS.authnFailed } }),
  wrapping: (base, keys) =>
    wrapSignature(
      simulateArtifactResponse(base),
      simulateArtifactResponse({
        ...base,
        person: { ...base.person, pesel: otherPesel(base.person.pesel) },
        nodeSigningKeyPem: keys.otherSigning.privateKeyPem,
        nodeSigningCertPem: keys.otherSigning.certificatePem,
      }),
    ),
};

// ---------------------------------------------------------------------------------------------
// Messages of the stub's own (the library's simulated node has no failure answer nor single logout).

const MESSAGE_NAMESPACES = `xmlns:saml2p="${NS.saml2p}" xmlns:saml2="${NS.saml2}" xmlns:ds="${NS.ds}" xmlns:xenc="${NS.xenc}"`;

function soapDocument(body: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>\n<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

function statusXml(code: string): string {
  return `<saml2p:Status><saml2p:StatusCode Value="${escapeXml(code)}"/></saml2p:Status>`;
}

/**
 * The answer to an artifact that is unknown or already used: a signed ArtifactResponse without a
 * Response and with the status Requester (no second-level code, so it is not read as a cancellation).
 */
function failedArtifactResponse(resolveId: string, entityId: string, keys: StubKeys, now: Date): string {
  const id = newMessageId();
  const xml = soapDocument(
    `<saml2p:ArtifactResponse ${MESSAGE_NAMESPACES} ID="${id}" InResponseTo="${escapeXml(resolveId)}" IssueInstant="${samlInstant(now)}" Version="2.0">` +
      `<saml2:Issuer>${escapeXml(entityId)}</saml2:Issuer>${statusXml(STATUS.requester)}</saml2p:ArtifactResponse>`,
  );
  return signEnveloped(xml, id, keys.node.privateKeyPem, keys.node.certificatePem);
}

// ---------------------------------------------------------------------------------------------
// HTTP.

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new HttpError(415, 'expected a form');
  }
  return new URLSearchParams(await readBody(request));
}

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}

function sendSoap(response: ServerResponse, xml: string): void {
  send(response, 200, 'text/xml; charset=utf-8', xml);
}

/** A SOAP 1.1 Fault for a request the node cannot read at all (SOAP 1.1 sends it with 500). */
function sendSoapFault(response: ServerResponse, reason: string): void {
  const fault = `<soap:Fault><faultcode>soap:Client</faultcode><faultstring>${escapeXml(reason)}</faultstring></soap:Fault>`;
  send(response, 500, 'text/xml; charset=utf-8', soapDocument(fault));
}

function describeError(error: unknown): string {
  if (isWkRefusal(error)) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

const escapeHtml = escapeXml;

function choicePage(session: string, people: readonly StubPerson[]): string {
  const buttons = people
    .map(
      (person, index) =>
        `<li><button type="submit" name="choice" value="${index}">${escapeHtml(person.label ?? `${person.firstName} ${person.lastName}`)}</button></li>`,
    )
    .join('');
  return (
    `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>login.gov.pl (węzeł testowy)</title></head><body><main><h1>Kto się loguje? (węzeł testowy)</h1>` +
    `<form method="post" action="/sso/choose"><input type="hidden" name="session" value="${escapeHtml(session)}">` +
    `<ul>${buttons}</ul><p><button type="submit" name="choice" value="cancel">Anuluj</button></p></form></main></body></html>`
  );
}

function lowerCaseNames(person: StubPerson): SimulatedPerson {
  // The integration environment answers with names in lower case; the app must cope.
  return {
    pesel: person.pesel,
    birthDate: person.birthDate,
    firstName: person.firstName.toLocaleLowerCase('pl'),
    lastName: person.lastName.toLocaleLowerCase('pl'),
  };
}

/** Starts the stub node on 127.0.0.1 over HTTPS. */
export async function startStubNode(options: StubNodeOptions): Promise<StubNode> {
  if (options.people.length === 0) throw new Error('stub: at least one person is needed');
  const entityId = options.entityId ?? DEFAULT_ENTITY_ID;
  const clock = options.now ?? (() => new Date());
  const keys: StubKeys = {
    node: generateP256KeyPair('WK_SIG_EC stub'),
    otherSigning: generateP256KeyPair('WK_SIG_EC'),
    otherEncryption: generateP256KeyPair('other service encryption'),
  };
  const tls = createLocalhostTlsCertificate();
  const requests: StubRequestLog = { authnRequests: [], resolves: [], logouts: [], rejected: [] };
  const queued: PlannedAnswer[] = [];
  const pages = new Map<string, { request: ReceivedAuthnRequest; relayState: string | null }>();
  const artifacts = new Map<string, IssuedArtifact>();
  const urls = { sso: '', artifact: '', logout: '' };

  /** Issues a one-use artifact for the answer and sends the browser to the ACS with it (HTTP-Artifact). */
  function redirectWithArtifact(response: ServerResponse, request: ReceivedAuthnRequest, relayState: string | null, answer: PlannedAnswer) {
    const artifact = createArtifact(entityId);
    artifacts.set(artifact, { request, answer, issuedAt: clock(), resolved: false });
    const location = new URL(request.acsUrl);
    location.searchParams.set('SAMLart', artifact);
    if (relayState !== null) location.searchParams.set('RelayState', relayState);
    send(response, 303, 'text/html; charset=utf-8', `<a href="${escapeHtml(location.href)}">Dalej</a>`, { Location: location.href });
  }

  async function handleSso(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = await readForm(incoming);
    const xml = Buffer.from(form.get('SAMLRequest') ?? '', 'base64').toString('utf8');
    let request: ReceivedAuthnRequest;
    try {
      request = readAuthnRequest(xml, options.spSigningCertPem);
    } catch (error) {
      throw new HttpError(400, `AuthnRequest refused: ${describeError(error)}`);
    }
    if (request.destination !== null && request.destination !== urls.sso) throw new HttpError(400, 'AuthnRequest refused: destination');
    const relayState = form.get('RelayState');
    requests.authnRequests.push({ id: request.id, issuer: request.issuer, acsUrl: request.acsUrl, loa: request.loa, relayState });
    const next = queued.shift();
    if (next) return redirectWithArtifact(response, request, relayState, next);
    const session = randomUUID();
    pages.set(session, { request, relayState });
    send(response, 200, 'text/html; charset=utf-8', choicePage(session, options.people));
  }

  async function handleChoice(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = await readForm(incoming);
    const session = form.get('session') ?? '';
    const pending = pages.get(session);
    if (!pending) throw new HttpError(400, 'unknown or used page session');
    pages.delete(session); // one choice per AuthnRequest, as on the real node
    const choice = form.get('choice') ?? '';
    const person = /^\d+$/.test(choice) ? options.people[Number(choice)] : undefined;
    if (choice !== 'cancel' && !person) throw new HttpError(400, 'unknown choice');
    const answer: PlannedAnswer = person ? { person, mode: null } : { person: options.people[0]!, mode: 'cancelled' };
    redirectWithArtifact(response, pending.request, pending.relayState, answer);
  }

  function answerFor(issued: IssuedArtifact, resolveId: string): string {
    const { request, answer } = issued;
    const base: SimulatedAnswerOptions = {
      nodeEntityId: entityId,
      nodeSigningKeyPem: keys.node.privateKeyPem,
      nodeSigningCertPem: keys.node.certificatePem,
      spEntityId: request.issuer,
      acsUrl: request.acsUrl,
      spEncryptionCertPem: options.spEncryptionCertPem,
      requestId: request.id,
      artifactResolveId: resolveId,
      person: lowerCaseNames(answer.person),
      now: issued.issuedAt,
      loa: answer.person.loa ?? 'substantial',
      authenticatingAuthority: answer.person.authenticatingAuthority ?? 'mObywatel',
      destination: options.responseDestination === false ? undefined : request.acsUrl,
    };
    return answer.mode ? HOSTILE_ANSWERS[answer.mode](base, keys) : simulateArtifactResponse(base);
  }

  async function handleArtifact(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    let resolve: ReturnType<typeof readArtifactResolve>;
    try {
      resolve = readArtifactResolve(body, options.spSigningCertPem);
    } catch (error) {
      requests.rejected.push({ path: '/artifact', reason: describeError(error) });
      return sendSoapFault(response, `ArtifactResolve refused: ${describeError(error)}`);
    }
    const issued = artifacts.get(resolve.artifact);
    const outcome: ResolveOutcome = !issued
      ? 'unknown-artifact'
      : issued.resolved
        ? 'reused-artifact'
        : issued.request.issuer !== resolve.issuer
          ? 'other-issuer'
          : 'answered';
    requests.resolves.push({
      id: resolve.id,
      issuer: resolve.issuer,
      artifact: resolve.artifact,
      outcome,
      requestId: issued?.request.id ?? null,
      answer: outcome === 'answered' ? (issued!.answer.mode ?? issued!.answer.person.pesel) : null,
    });
    if (outcome !== 'answered') return sendSoap(response, failedArtifactResponse(resolve.id, entityId, keys, clock()));
    issued!.resolved = true; // one use: a replayed artifact gets the failure above
    sendSoap(response, answerFor(issued!, resolve.id));
  }

  async function handleLogout(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(incoming);
    let logout: LoggedLogout;
    try {
      logout = readLogoutRequest(body, options.spSigningCertPem);
    } catch (error) {
      requests.rejected.push({ path: '/slo', reason: describeError(error) });
      return sendSoapFault(response, `LogoutRequest refused: ${describeError(error)}`);
    }
    requests.logouts.push(logout);
    sendSoap(
      response,
      simulateLogoutResponse({
        nodeEntityId: entityId,
        nodeSigningKeyPem: keys.node.privateKeyPem,
        nodeSigningCertPem: keys.node.certificatePem,
        logoutRequestId: logout.id,
        now: clock(),
      }),
    );
  }

  const routes: Record<string, (incoming: IncomingMessage, response: ServerResponse) => Promise<void>> = {
    '/sso': handleSso,
    '/sso/choose': handleChoice,
    '/artifact': handleArtifact,
    '/slo': handleLogout,
  };

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(incoming.url ?? '/', 'https://127.0.0.1').pathname;
    const route = routes[path];
    try {
      if (!route) throw new HttpError(404, 'not found');
      if (incoming.method !== 'POST') throw new HttpError(405, 'POST only');
      await route(incoming, response);
    } catch (error) {
      // A refused request is a 4xx; anything else is a bug of the stub and should be loud (500).
      const status = error instanceof HttpError ? error.status : 500;
      requests.rejected.push({ path, reason: describeError(error) });
      if (!response.headersSent) send(response, status, 'text/plain; charset=utf-8', describeError(error));
    }
  }

  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (incoming, response) => void handle(incoming, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(urls, { sso: `${url}/sso`, artifact: `${url}/artifact`, logout: `${url}/slo` });

  return {
    url,
    ssoUrl: urls.sso,
    artifactUrl: urls.artifact,
    logoutUrl: urls.logout,
    entityId,
    idpCertPem: keys.node.certificatePem,
    tlsCaPem: tls.certPem,
    requests,
    answerNextWith(answer, person) {
      queued.push(typeof answer === 'string' ? { person: person ?? options.people[0]!, mode: answer } : { person: answer, mode: null });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive connections of the app would hold close() open
      }),
  };
}
