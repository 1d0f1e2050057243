// A stand-in for login.gov.pl, for tests and the development simulator: it reads the service's
// AuthnRequest and ArtifactResolve and answers as the real node does — a signed ArtifactResponse
// holding a signed Response holding an assertion encrypted to the service (layout of the vector).
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { encryptAssertion } from './encryption';
import { refuse } from './refusal';
import {
  STATUS,
  loaUri,
  newMessageId,
  readArtifact,
  samlInstant,
  EIDAS_ATTRIBUTES,
  NAMEID_UNSPECIFIED,
  BINDINGS,
  type Loa,
} from './messages';
import { NODE_PREFIX_LIST, signEnveloped, verifyEnvelopedSignature } from './signature';
import { NS, childElements, escapeXml, isNamed, onlyChild, optionalChild, parseXml, requiredAttribute, textOf } from './xml';

export interface SimulatedPerson {
  pesel: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** A SAMLart of type 0x0004 naming the node (SAML bindings 3.6.4). */
export function createArtifact(nodeEntityId: string, endpointIndex = 0): string {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0x0004, 0);
  header.writeUInt16BE(endpointIndex, 2);
  const sourceId = createHash('sha1').update(nodeEntityId, 'utf8').digest();
  return Buffer.concat([header, sourceId, randomBytes(20)]).toString('base64');
}

export interface ReceivedAuthnRequest {
  id: string;
  issuer: string;
  acsUrl: string;
  destination: string | null;
  loa: Loa;
}

/** Reads an AuthnRequest as the node would, verifying the service's signature when its certificate is given. */
export function readAuthnRequest(xml: string, spSigningCert?: string | KeyObject): ReceivedAuthnRequest {
  const doc = parseXml(xml);
  const request = doc.documentElement!;
  if (!isNamed(request, NS.saml2p, 'AuthnRequest')) refuse('malformed', 'not an AuthnRequest');
  if (spSigningCert) verifyEnvelopedSignature(doc, request, spSigningCert);
  if (request.getAttribute('ProtocolBinding') !== BINDINGS.httpArtifact) refuse('malformed', 'not the Artifact binding');
  const context = onlyChild(request, NS.saml2p, 'RequestedAuthnContext');
  const classRef = textOf(onlyChild(context, NS.saml2, 'AuthnContextClassRef')).trim();
  const loa = (['low', 'substantial', 'high'] as const).find((level) => loaUri(level) === classRef);
  if (!loa) refuse('loa');
  return {
    id: requiredAttribute(request, 'ID'),
    issuer: textOf(onlyChild(request, NS.saml2, 'Issuer')).trim(),
    acsUrl: requiredAttribute(request, 'AssertionConsumerServiceURL'),
    destination: request.getAttribute('Destination'),
    loa,
  };
}

export interface ReceivedArtifactResolve {
  id: string;
  issuer: string;
  artifact: string;
}

/** Reads a SOAP ArtifactResolve as the node would, verifying the service's signature when its certificate is given. */
export function readArtifactResolve(soapXml: string, spSigningCert?: string | KeyObject): ReceivedArtifactResolve {
  const doc = parseXml(soapXml);
  const body = onlyChild(doc.documentElement!, NS.soap, 'Body');
  const [resolve] = childElements(body);
  if (!resolve || !isNamed(resolve, NS.saml2p, 'ArtifactResolve')) refuse('malformed', 'not an ArtifactResolve');
  if (spSigningCert) verifyEnvelopedSignature(doc, resolve, spSigningCert);
  const artifact = textOf(onlyChild(resolve, NS.saml2p, 'Artifact')).trim();
  readArtifact(artifact);
  return { id: requiredAttribute(resolve, 'ID'), issuer: textOf(onlyChild(resolve, NS.saml2, 'Issuer')).trim(), artifact };
}

export interface SimulatedAnswerOptions {
  nodeEntityId: string;
  nodeSigningKeyPem: string | KeyObject;
  nodeSigningCertPem: string;
  spEntityId: string;
  acsUrl: string;
  spEncryptionCertPem: string | KeyObject;
  /** The AuthnRequest's ID. */
  requestId: string;
  /** The ArtifactResolve's ID (InResponseTo of ArtifactResponse). */
  artifactResolveId?: string;
  person: SimulatedPerson;
  now: Date;
  loa?: Loa;
  authenticatingAuthority?: string;
  /** How long the assertion is valid; the node gives 30 minutes. */
  validitySeconds?: number;
  /** A status other than Success (e.g. a cancelled sign-in): the Response then holds no assertion. */
  status?: { code: string; subCode?: string };
  /** The service's name in the KDF's PartyVInfo (default: its entity ID). */
  serviceName?: string;
  /** Response's Destination; the real node leaves it out. */
  destination?: string;
  /** Rewrites the assertion before it is encrypted (tests of odd but validly signed answers). */
  transformAssertion?: (assertionXml: string) => string;
}

/** The decrypted assertion as the node writes it. */
export function buildSimulatedAssertion(options: SimulatedAnswerOptions & { assertionId: string }): string {
  const now = options.now.getTime();
  const until = samlInstant(new Date(now + (options.validitySeconds ?? 1800) * 1000));
  const attribute = (name: string, friendlyName: string, value: string) =>
    `<saml2:Attribute FriendlyName="${friendlyName}" Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">` +
    `<saml2:AttributeValue>${escapeXml(value)}</saml2:AttributeValue></saml2:Attribute>`;
  const attributes = EIDAS_ATTRIBUTES.map((a) => attribute(a.name, a.friendlyName, options.person[a.key])).join('');
  const authority = options.authenticatingAuthority ?? 'mObywatel';
  return (
    `<saml2:Assertion xmlns:saml2="${NS.saml2}" ID="${options.assertionId}" IssueInstant="${samlInstant(options.now)}" Version="2.0">` +
    `<saml2:Issuer>${escapeXml(options.nodeEntityId)}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID Format="${NAMEID_UNSPECIFIED}">${escapeXml(options.person.pesel)}</saml2:NameID>` +
    `<saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml2:SubjectConfirmationData InResponseTo="${escapeXml(options.requestId)}" NotOnOrAfter="${until}" Recipient="${escapeXml(options.acsUrl)}"/>` +
    `</saml2:SubjectConfirmation></saml2:Subject>` +
    `<saml2:Conditions NotBefore="${samlInstant(options.now)}" NotOnOrAfter="${until}">` +
    `<saml2:AudienceRestriction><saml2:Audience>${escapeXml(options.spEntityId)}</saml2:Audience></saml2:AudienceRestriction></saml2:Conditions>` +
    `<saml2:AuthnStatement AuthnInstant="${samlInstant(options.now)}" SessionIndex="${newMessageId()}"><saml2:AuthnContext>` +
    `<saml2:AuthnContextClassRef>${loaUri(options.loa ?? 'substantial')}</saml2:AuthnContextClassRef>` +
    (authority ? `<saml2:AuthenticatingAuthority>${escapeXml(authority)}</saml2:AuthenticatingAuthority>` : '') +
    `</saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attributes}</saml2:AttributeStatement></saml2:Assertion>`
  );
}

const NODE_NAMESPACES = (['ds', 'dsig11', 'eidas', 'naturalperson', 'saml2', 'saml2p', 'xenc', 'xenc11'] as const)
  .map((prefix) => `xmlns:${prefix}="${NS[prefix]}"`)
  .join(' ');

/** The node's SOAP answer to ArtifactResolve, both levels signed with the node's key. */
export function simulateArtifactResponse(options: SimulatedAnswerOptions): string {
  const outerId = newMessageId();
  const innerId = newMessageId();
  const instant = options.now.toISOString();
  const issuer = `<saml2:Issuer>${escapeXml(options.nodeEntityId)}</saml2:Issuer>`;
  const success = `<saml2p:Status><saml2p:StatusCode Value="${STATUS.success}"/></saml2p:Status>`;
  const status = options.status
    ? `<saml2p:Status><saml2p:StatusCode Value="${escapeXml(options.status.code)}">` +
      (options.status.subCode ? `<saml2p:StatusCode Value="${escapeXml(options.status.subCode)}"/>` : '') +
      `</saml2p:StatusCode></saml2p:Status>`
    : success;
  const encrypted =
    options.status && options.status.code !== STATUS.success
      ? ''
      : encryptAssertion(
          (options.transformAssertion ?? ((xml: string) => xml))(buildSimulatedAssertion({ ...options, assertionId: newMessageId() })),
          options.spEncryptionCertPem,
          options.nodeEntityId,
          options.serviceName ?? options.spEntityId,
          { declareNamespaces: false },
        );
  const destination = options.destination ? ` Destination="${escapeXml(options.destination)}"` : '';
  const inResponseTo = options.artifactResolveId ? ` InResponseTo="${escapeXml(options.artifactResolveId)}"` : '';
  const xml =
    `<?xml version='1.0' encoding='UTF-8'?>\n<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>` +
    `<saml2p:ArtifactResponse ${NODE_NAMESPACES} ID="${outerId}"${inResponseTo} IssueInstant="${instant}" Version="2.0">${issuer}${success}` +
    `<saml2p:Response${destination} ID="${innerId}" InResponseTo="${escapeXml(options.requestId)}" IssueInstant="${instant}" Version="2.0">${issuer}${status}${encrypted}</saml2p:Response>` +
    `</saml2p:ArtifactResponse></soap:Body></soap:Envelope>`;
  const innerSigned = signEnveloped(xml, innerId, options.nodeSigningKeyPem, options.nodeSigningCertPem, NODE_PREFIX_LIST);
  return signEnveloped(innerSigned, outerId, options.nodeSigningKeyPem, options.nodeSigningCertPem, NODE_PREFIX_LIST);
}

export interface SimulatedLogoutOptions {
  nodeEntityId: string;
  nodeSigningKeyPem: string | KeyObject;
  nodeSigningCertPem: string;
  /** The LogoutRequest's ID (InResponseTo). */
  logoutRequestId: string;
  now: Date;
  /** A status other than Success (e.g. the node knew no such session). */
  statusCode?: string;
}

/** The node's signed SOAP answer to a LogoutRequest. */
export function simulateLogoutResponse(options: SimulatedLogoutOptions): string {
  const id = newMessageId();
  const xml =
    `<?xml version='1.0' encoding='UTF-8'?>\n<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>` +
    `<saml2p:LogoutResponse ${NODE_NAMESPACES} ID="${id}" InResponseTo="${escapeXml(options.logoutRequestId)}" IssueInstant="${options.now.toISOString()}" Version="2.0">` +
    `<saml2:Issuer>${escapeXml(options.nodeEntityId)}</saml2:Issuer>` +
    `<saml2p:Status><saml2p:StatusCode Value="${escapeXml(options.statusCode ?? STATUS.success)}"/></saml2p:Status>` +
    `</saml2p:LogoutResponse></soap:Body></soap:Envelope>`;
  return signEnveloped(xml, id, options.nodeSigningKeyPem, options.nodeSigningCertPem, NODE_PREFIX_LIST);
}

/** Reads a SOAP LogoutRequest as the node would, verifying the service's signature. */
export function readLogoutRequest(soapXml: string, spSigningCert: string | KeyObject) {
  const doc = parseXml(soapXml);
  const body = onlyChild(doc.documentElement!, NS.soap, 'Body');
  const [request] = childElements(body);
  if (!request || !isNamed(request, NS.saml2p, 'LogoutRequest')) refuse('malformed', 'not a LogoutRequest');
  verifyEnvelopedSignature(doc, request, spSigningCert);
  const sessionIndex = optionalChild(request, NS.saml2p, 'SessionIndex');
  return {
    id: requiredAttribute(request, 'ID'),
    issuer: textOf(onlyChild(request, NS.saml2, 'Issuer')).trim(),
    nameId: textOf(onlyChild(request, NS.saml2, 'NameID')).trim(),
    sessionIndex: sessionIndex ? textOf(sessionIndex).trim() : null,
  };
}
