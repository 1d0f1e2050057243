// The node's answer: the SOAP ArtifactResponse with its signed Response and encrypted Assertion,
// verified and read along fixed paths (./messages.ts builds what the service sends). Message
// shapes follow the node's real messages in ../shared/vectors/login-gov-pl.
import type { KeyObject } from 'node:crypto';
import { decryptEncryptedAssertion } from './encryption';
import { EIDAS_ATTRIBUTES, LOA_ORDER, loaUri, type Loa } from './messages';
import { checkIssuer, checkProtocolMessage, checkStatus, soapBodyElement } from './protocol-message';
import { refuse } from './refusal';
import { verifyEnvelopedSignature } from './signature';
import {
  DEFAULT_MAX_XML_BYTES,
  NS,
  childElements,
  childrenNamed,
  isNamed,
  onlyChild,
  optionalAttribute,
  parseXml,
  requiredAttribute,
  textOf,
  type Element,
} from './xml';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export interface ReadArtifactResponseOptions {
  /** WK_IDP_CERT: the only key whose signatures are accepted (never the message's own KeyInfo). */
  idpCert: string | KeyObject;
  idpEntityId: string;
  spEntityId: string;
  acsUrl: string;
  spEncryptionKeyPem: string | KeyObject;
  /** The AuthnRequest ID this answer must respond to; the caller also checks it is its own and unused. */
  expectedRequestId?: string;
  /** The ArtifactResolve ID, which ArtifactResponse's InResponseTo must name when given. */
  artifactResolveId?: string;
  now: Date;
  skewSeconds?: number;
  /** The lowest acceptable level of assurance (the one requested). */
  minimumLoa?: Loa;
  maxBytes?: number;
}

export interface WkIdentity {
  /** The AuthnRequest this answers (InResponseTo). */
  requestId: string;
  responseId: string;
  assertionId: string;
  pesel: string;
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  loa: Loa;
  /** The means the person used, e.g. mObywatel, when the node names it. */
  authenticatingAuthority: string | null;
  /** NameID and SessionIndex, for single logout. */
  nameId: string;
  sessionIndex: string | null;
  notOnOrAfter: Date;
}

/**
 * Verifies and reads the node's SOAP ArtifactResponse. Every check refuses with a WkRefusal whose
 * reason is stable; nothing is read from an element before the signature covering it is verified,
 * and everything is read from the verified elements themselves, along fixed paths.
 */
export function readArtifactResponse(soapXml: string, options: ReadArtifactResponseOptions): WkIdentity {
  const now = options.now.getTime();
  const skew = (options.skewSeconds ?? 60) * 1000;
  const { doc, element: artifactResponse } = soapBodyElement(soapXml, options.maxBytes ?? DEFAULT_MAX_XML_BYTES);
  if (!isNamed(artifactResponse, NS.saml2p, 'ArtifactResponse')) refuse('malformed', 'not an ArtifactResponse');

  verifyEnvelopedSignature(doc, artifactResponse, options.idpCert);
  checkProtocolMessage(artifactResponse, options.idpEntityId);
  const outer = childElements(artifactResponse);
  checkStatus(outer[2]);
  if (options.artifactResolveId !== undefined && artifactResponse.getAttribute('InResponseTo') !== options.artifactResolveId) {
    refuse('in_response_to', 'ArtifactResponse answers another ArtifactResolve');
  }
  if (outer.length !== 4 || !isNamed(outer[3]!, NS.saml2p, 'Response')) refuse('malformed', 'ArtifactResponse must hold one Response');
  const response = outer[3]!;

  verifyEnvelopedSignature(doc, response, options.idpCert);
  checkProtocolMessage(response, options.idpEntityId);
  const inner = childElements(response);
  checkStatus(inner[2]);
  const destination = optionalAttribute(response, 'Destination');
  if (destination !== undefined && destination !== options.acsUrl) refuse('destination');
  const requestId = requiredAttribute(response, 'InResponseTo');
  if (options.expectedRequestId !== undefined && requestId !== options.expectedRequestId) refuse('in_response_to');
  if (inner.length !== 4 || !isNamed(inner[3]!, NS.saml2, 'EncryptedAssertion'))
    refuse('malformed', 'Response must hold one EncryptedAssertion');

  const assertionXml = decryptEncryptedAssertion(inner[3]!, options.spEncryptionKeyPem);
  const assertion = parseXml(assertionXml, options.maxBytes ?? DEFAULT_MAX_XML_BYTES).documentElement!;
  const identity = readAssertion(assertion, {
    idpEntityId: options.idpEntityId,
    spEntityId: options.spEntityId,
    acsUrl: options.acsUrl,
    minimumLoa: options.minimumLoa,
    requestId,
    now,
    skew,
  });
  return { ...identity, requestId, responseId: requiredAttribute(response, 'ID') };
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function readInstant(element: Element, name: string, required: true): number;
function readInstant(element: Element, name: string, required: false): number | undefined;
function readInstant(element: Element, name: string, required: boolean): number | undefined {
  const value = required ? requiredAttribute(element, name) : optionalAttribute(element, name);
  if (value === undefined) return undefined;
  const match = DATE_TIME.exec(value);
  const time = match ? Date.parse(`${match[1]}${(match[2] ?? '').slice(0, 4)}${match[3]}`) : NaN;
  if (!Number.isFinite(time)) refuse('malformed', `${name} is not a dateTime`);
  return time;
}

interface AssertionContext extends Pick<ReadArtifactResponseOptions, 'idpEntityId' | 'spEntityId' | 'acsUrl' | 'minimumLoa'> {
  requestId: string;
  now: number;
  skew: number;
}

function readAssertion(assertion: Element, context: AssertionContext): Omit<WkIdentity, 'requestId' | 'responseId'> {
  if (!isNamed(assertion, NS.saml2, 'Assertion')) refuse('malformed', 'not an Assertion');
  if (assertion.getAttribute('Version') !== '2.0') refuse('malformed', 'assertion version');
  const assertionId = requiredAttribute(assertion, 'ID');
  checkIssuer(onlyChild(assertion, NS.saml2, 'Issuer'), context.idpEntityId);

  const subject = onlyChild(assertion, NS.saml2, 'Subject');
  const nameId = textOf(onlyChild(subject, NS.saml2, 'NameID')).trim();
  const confirmations = childrenNamed(subject, NS.saml2, 'SubjectConfirmation');
  if (confirmations.length !== 1 || confirmations[0]!.getAttribute('Method') !== BEARER)
    refuse('malformed', 'one bearer SubjectConfirmation expected');
  const data = onlyChild(confirmations[0]!, NS.saml2, 'SubjectConfirmationData');
  if (data.getAttribute('Recipient') !== context.acsUrl) refuse('recipient');
  if (data.getAttribute('InResponseTo') !== context.requestId) refuse('in_response_to', 'assertion answers another request');
  const notOnOrAfter = readInstant(data, 'NotOnOrAfter', true);
  if (context.now - context.skew >= notOnOrAfter) refuse('expired');

  const conditions = onlyChild(assertion, NS.saml2, 'Conditions');
  const notBefore = readInstant(conditions, 'NotBefore', false);
  if (notBefore !== undefined && notBefore > context.now + context.skew) refuse('not_yet_valid');
  const conditionsEnd = readInstant(conditions, 'NotOnOrAfter', false);
  if (conditionsEnd !== undefined && context.now - context.skew >= conditionsEnd) refuse('expired');
  const restrictions = childrenNamed(conditions, NS.saml2, 'AudienceRestriction');
  // Each AudienceRestriction must name us (SAML core 2.5.1.4); none at all is not acceptable either.
  if (restrictions.length === 0) refuse('audience', 'no AudienceRestriction');
  for (const restriction of restrictions) {
    const audiences = childrenNamed(restriction, NS.saml2, 'Audience').map((audience) => textOf(audience).trim());
    if (!audiences.includes(context.spEntityId)) refuse('audience');
  }

  const authnStatement = onlyChild(assertion, NS.saml2, 'AuthnStatement');
  const sessionEnd = readInstant(authnStatement, 'SessionNotOnOrAfter', false);
  if (sessionEnd !== undefined && context.now - context.skew >= sessionEnd) refuse('expired', 'session');
  const authnContext = onlyChild(authnStatement, NS.saml2, 'AuthnContext');
  const classRef = textOf(onlyChild(authnContext, NS.saml2, 'AuthnContextClassRef')).trim();
  const loa = LOA_ORDER.find((level) => loaUri(level) === classRef);
  if (!loa) refuse('loa', 'unknown level of assurance');
  if (LOA_ORDER.indexOf(loa) < LOA_ORDER.indexOf(context.minimumLoa ?? 'low')) refuse('loa', 'level of assurance below the one requested');
  const authorities = childrenNamed(authnContext, NS.saml2, 'AuthenticatingAuthority').map((element) => textOf(element).trim());

  const attributes = readAttributes(onlyChild(assertion, NS.saml2, 'AttributeStatement'));
  if (!/^\d{11}$/.test(attributes.pesel)) refuse('malformed', 'PersonIdentifier is not a PESEL');
  if (!isCalendarDate(attributes.birthDate)) refuse('malformed', 'DateOfBirth is not YYYY-MM-DD');
  for (const key of ['firstName', 'lastName'] as const) {
    if (attributes[key].length === 0 || attributes[key].length > 200) refuse('malformed', `${key} length`);
  }
  return {
    assertionId,
    ...attributes,
    loa,
    authenticatingAuthority: authorities[0] || null,
    nameId,
    sessionIndex: optionalAttribute(authnStatement, 'SessionIndex') ?? null,
    notOnOrAfter: new Date(notOnOrAfter),
  };
}

function readAttributes(statement: Element): Record<(typeof EIDAS_ATTRIBUTES)[number]['key'], string> {
  const byName = new Map<string, string>();
  for (const child of childElements(statement)) {
    if (!isNamed(child, NS.saml2, 'Attribute')) refuse('malformed', `unexpected ${child.localName} in AttributeStatement`);
    const name = requiredAttribute(child, 'Name');
    if (byName.has(name)) refuse('malformed', 'attribute given twice');
    const values = childrenNamed(child, NS.saml2, 'AttributeValue');
    if (values.length !== 1) refuse('malformed', 'attribute without exactly one value');
    byName.set(name, textOf(values[0]!).trim());
  }
  const read = (name: string) => byName.get(name) ?? refuse('malformed', `missing attribute ${name.split('/').pop()}`);
  const [lastName, firstName, birthDate, pesel] = EIDAS_ATTRIBUTES.map((attribute) => read(attribute.name)) as [
    string,
    string,
    string,
    string,
  ];
  return { lastName, firstName, birthDate, pesel };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
