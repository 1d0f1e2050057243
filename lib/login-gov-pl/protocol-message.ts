// What every SOAP answer of the node shares (the ArtifactResponse and the LogoutResponse): one
// element in a SOAP 1.1 Body, Version 2.0, the node's Issuer, then its Signature, then Status.
import { STATUS } from './messages';
import { refuse } from './refusal';
import {
  NS,
  childElements,
  isNamed,
  onlyChild,
  optionalAttribute,
  optionalChild,
  parseXml,
  requiredAttribute,
  textOf,
  type Element,
} from './xml';

/** Parses a SOAP 1.1 envelope and returns the one element in its Body. */
export function soapBodyElement(xml: string, maxBytes: number) {
  const doc = parseXml(xml, maxBytes);
  const envelope = doc.documentElement!;
  if (!isNamed(envelope, NS.soap, 'Envelope')) refuse('malformed', 'not a SOAP envelope');
  const parts = childElements(envelope);
  const body = parts.at(-1);
  if (!body || !isNamed(body, NS.soap, 'Body') || parts.length > 2 || (parts.length === 2 && !isNamed(parts[0]!, NS.soap, 'Header'))) {
    refuse('malformed', 'unexpected SOAP envelope');
  }
  const content = childElements(body);
  if (content.length !== 1) refuse('malformed', 'SOAP body must hold one element');
  return { doc, element: content[0]! };
}

/** Version, Issuer and position of Status, common to ArtifactResponse and Response. */
export function checkProtocolMessage(message: Element, idpEntityId: string): void {
  if (message.getAttribute('Version') !== '2.0') refuse('malformed', `${message.localName} version`);
  const [issuer, , status] = childElements(message);
  checkIssuer(issuer!, idpEntityId);
  if (!status || !isNamed(status, NS.saml2p, 'Status')) refuse('malformed', `${message.localName} has no Status after its signature`);
}

export function checkIssuer(issuer: Element, idpEntityId: string): void {
  const format = optionalAttribute(issuer, 'Format');
  if (format !== undefined && format !== 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity') refuse('issuer', 'issuer format');
  if (textOf(issuer).trim() !== idpEntityId) refuse('issuer');
}

export function checkStatus(status: Element | undefined): void {
  if (!status) return refuse('malformed', 'no Status');
  const code = onlyChild(status, NS.saml2p, 'StatusCode');
  const value = requiredAttribute(code, 'Value');
  if (value === STATUS.success) return;
  const second = optionalChild(code, NS.saml2p, 'StatusCode')?.getAttribute('Value');
  // The person cancelled or could not sign in: not an attack, and the page says so neutrally.
  if (second === STATUS.authnFailed || second === STATUS.requestDenied) refuse('cancelled', second);
  refuse('status', second ? `${value} / ${second}` : value);
}
