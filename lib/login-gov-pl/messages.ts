// The SAML messages a service sends to login.gov.pl: the signed AuthnRequest (HTTP-POST,
// answered by HTTP-Artifact), the signed SOAP ArtifactResolve, a SOAP LogoutRequest and the
// service's metadata; ./artifact-response.ts reads the answer. Message shapes follow the node's
// real messages in ../shared/vectors/login-gov-pl.
import { randomUUID, type KeyObject } from 'node:crypto';
import { refuse } from './refusal';
import { NODE_PREFIX_LIST, certificateBody, signEnveloped } from './signature';
import { NS, decodeBase64, escapeXml } from './xml';

export type Loa = 'low' | 'substantial' | 'high';
export const LOA_ORDER: readonly Loa[] = ['low', 'substantial', 'high'];
export const loaUri = (loa: Loa): string => `http://eidas.europa.eu/LoA/${loa}`;

export const BINDINGS = {
  httpArtifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
  httpPost: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  soap: 'urn:oasis:names:tc:SAML:2.0:bindings:SOAP',
} as const;

export const STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
  authnFailed: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed',
  requestDenied: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
} as const;

export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const ATTRNAME_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';

/** The four eIDAS attributes the node gives, in the order the real AuthnRequest asks for them. */
export const EIDAS_ATTRIBUTES = [
  { key: 'lastName', friendlyName: 'FamilyName', name: `${NS.naturalperson}/CurrentFamilyName` },
  { key: 'firstName', friendlyName: 'FirstName', name: `${NS.naturalperson}/CurrentGivenName` },
  { key: 'birthDate', friendlyName: 'DateOfBirth', name: `${NS.naturalperson}/DateOfBirth` },
  { key: 'pesel', friendlyName: 'PersonIdentifier', name: `${NS.naturalperson}/PersonIdentifier` },
] as const;

/** A fresh message ID; xsd:ID must not start with a digit, hence the prefix the node also uses. */
export function newMessageId(): string {
  return `ID-${randomUUID()}`;
}

/** xsd:dateTime in UTC without milliseconds, as in the node's requests. */
export function samlInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function requireId(id: string): string {
  if (!/^[A-Za-z_][\w.-]{0,127}$/.test(id)) throw new Error('message ID must be an xsd:ID');
  return id;
}

const ROOT_NAMESPACES = `xmlns:saml2p="${NS.saml2p}" xmlns:ds="${NS.ds}" xmlns:saml2="${NS.saml2}" xmlns:xenc="${NS.xenc}"`;

export interface SigningKeys {
  signingKeyPem: string | KeyObject;
  signingCertPem: string;
}

export interface AuthnRequestOptions extends SigningKeys {
  id: string;
  issueInstant: Date;
  /** WK_SSO_URL */
  destination: string;
  acsUrl: string;
  spEntityId: string;
  loa: Loa;
  providerName?: string;
}

/** The signed AuthnRequest, to be sent base64-encoded as SAMLRequest by an auto-submitted form. */
export function buildAuthnRequest(options: AuthnRequestOptions): string {
  const id = requireId(options.id);
  const providerName = options.providerName ? ` ProviderName="${escapeXml(options.providerName)}"` : '';
  const attributes = EIDAS_ATTRIBUTES.map(
    (attribute) =>
      `<eidas:RequestedAttribute FriendlyName="${attribute.friendlyName}" Name="${attribute.name}" NameFormat="${ATTRNAME_URI}" isRequired="true"/>`,
  ).join('');
  const xml =
    `<saml2p:AuthnRequest ${ROOT_NAMESPACES} xmlns:eidas="${NS.eidas}" xmlns:naturalperson="${NS.naturalperson}"` +
    ` AssertionConsumerServiceURL="${escapeXml(options.acsUrl)}" Destination="${escapeXml(options.destination)}" ForceAuthn="true"` +
    ` ID="${id}" IssueInstant="${samlInstant(options.issueInstant)}" ProtocolBinding="${BINDINGS.httpArtifact}"${providerName} Version="2.0">` +
    `<saml2:Issuer>${escapeXml(options.spEntityId)}</saml2:Issuer>` +
    `<saml2p:Extensions><eidas:SPType>public</eidas:SPType><eidas:RequestedAttributes>${attributes}</eidas:RequestedAttributes></saml2p:Extensions>` +
    `<saml2p:NameIDPolicy AllowCreate="true" Format="${NAMEID_UNSPECIFIED}"/>` +
    `<saml2p:RequestedAuthnContext Comparison="minimum"><saml2:AuthnContextClassRef>${loaUri(options.loa)}</saml2:AuthnContextClassRef></saml2p:RequestedAuthnContext>` +
    `</saml2p:AuthnRequest>`;
  return signEnveloped(xml, id, options.signingKeyPem, options.signingCertPem, NODE_PREFIX_LIST);
}

/** The SAMLRequest form field of the HTTP-POST binding. */
export function encodeSamlRequest(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

export interface SamlArtifact {
  endpointIndex: number;
  /** SHA-1 of the issuer's entity ID (SAML bindings 3.6.4). */
  sourceId: Buffer;
  messageHandle: Buffer;
}

/** Reads a SAMLart value (type 0x0004: type, endpoint index, 20-byte source ID, 20-byte handle). */
export function readArtifact(samlArt: string): SamlArtifact {
  if (typeof samlArt !== 'string' || samlArt.length > 200) refuse('malformed', 'artifact');
  const bytes = decodeBase64(samlArt, 'SAMLart');
  if (bytes.length !== 44 || bytes.readUInt16BE(0) !== 0x0004) refuse('malformed', 'artifact is not of type 0x0004');
  return { endpointIndex: bytes.readUInt16BE(2), sourceId: bytes.subarray(4, 24), messageHandle: bytes.subarray(24) };
}

function soapEnvelope(body: string): string {
  return `<soap:Envelope xmlns:soap="${NS.soap}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export interface ArtifactResolveOptions extends SigningKeys {
  id: string;
  issueInstant: Date;
  /** WK_ARTIFACT_URL */
  destination: string;
  spEntityId: string;
  artifact: string;
}

/** The signed SOAP ArtifactResolve to POST to the node's artifact resolution service. */
export function buildArtifactResolve(options: ArtifactResolveOptions): string {
  const id = requireId(options.id);
  readArtifact(options.artifact);
  const xml = soapEnvelope(
    `<saml2p:ArtifactResolve ${ROOT_NAMESPACES} Destination="${escapeXml(options.destination)}" ID="${id}"` +
      ` IssueInstant="${samlInstant(options.issueInstant)}" Version="2.0">` +
      `<saml2:Issuer>${escapeXml(options.spEntityId)}</saml2:Issuer>` +
      `<saml2p:Artifact>${escapeXml(options.artifact)}</saml2p:Artifact></saml2p:ArtifactResolve>`,
  );
  return signEnveloped(xml, id, options.signingKeyPem, options.signingCertPem, NODE_PREFIX_LIST);
}

export interface LogoutRequestOptions extends SigningKeys {
  id: string;
  issueInstant: Date;
  /** WK_LOGOUT_URL */
  destination: string;
  spEntityId: string;
  nameId: string;
  sessionIndex?: string;
}

/** The signed SOAP LogoutRequest of single logout, in the layout of the real one. */
export function buildLogoutRequest(options: LogoutRequestOptions): string {
  const id = requireId(options.id);
  const sessionIndex = options.sessionIndex ? `<saml2p:SessionIndex>${escapeXml(options.sessionIndex)}</saml2p:SessionIndex>` : '';
  const xml = soapEnvelope(
    `<saml2p:LogoutRequest ${ROOT_NAMESPACES} Destination="${escapeXml(options.destination)}" ID="${id}"` +
      ` IssueInstant="${samlInstant(options.issueInstant)}" Version="2.0">` +
      `<saml2:Issuer>${escapeXml(options.spEntityId)}</saml2:Issuer>` +
      `<saml2:NameID Format="${NAMEID_UNSPECIFIED}">${escapeXml(options.nameId)}</saml2:NameID>${sessionIndex}</saml2p:LogoutRequest>`,
  );
  return signEnveloped(xml, id, options.signingKeyPem, options.signingCertPem, NODE_PREFIX_LIST);
}

export interface SpMetadataOptions {
  entityId: string;
  acsUrl: string;
  signingCertPem: string;
  encryptionCertPem: string;
  /** The service's single-logout endpoint, if it offers one (SOAP binding). */
  logoutUrl?: string;
}

/** The service's SAML metadata for the node's operator (unsigned; it is handed over out of band). */
export function spMetadata(options: SpMetadataOptions): string {
  const keyDescriptor = (use: 'signing' | 'encryption', certPem: string) =>
    `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(certPem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const logout = options.logoutUrl ? `<md:SingleLogoutService Binding="${BINDINGS.soap}" Location="${escapeXml(options.logoutUrl)}"/>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" entityID="${escapeXml(options.entityId)}">` +
    `<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    keyDescriptor('signing', options.signingCertPem) +
    keyDescriptor('encryption', options.encryptionCertPem) +
    logout +
    `<md:NameIDFormat>${NAMEID_UNSPECIFIED}</md:NameIDFormat>` +
    `<md:AssertionConsumerService Binding="${BINDINGS.httpArtifact}" Location="${escapeXml(options.acsUrl)}" index="1" isDefault="true"/>` +
    `</md:SPSSODescriptor></md:EntityDescriptor>\n`
  );
}
