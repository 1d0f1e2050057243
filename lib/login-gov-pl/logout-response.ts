// The node's answer to the service's SOAP LogoutRequest (./messages.ts builds it): a signed
// LogoutResponse, verified and read as strictly as the ArtifactResponse.
import type { KeyObject } from 'node:crypto';
import { checkProtocolMessage, checkStatus, soapBodyElement } from './protocol-message';
import { refuse } from './refusal';
import { verifyEnvelopedSignature } from './signature';
import { DEFAULT_MAX_XML_BYTES, NS, childElements, isNamed } from './xml';

export interface ReadLogoutResponseOptions {
  /** WK_IDP_CERT: the only key whose signatures are accepted. */
  idpCert: string | KeyObject;
  idpEntityId: string;
  /** The LogoutRequest's ID, which InResponseTo must name. */
  logoutRequestId: string;
}

/** Returns when the node says the session ended (Status Success); refuses (WkRefusal) otherwise. */
export function readLogoutResponse(soapXml: string, options: ReadLogoutResponseOptions): void {
  const { doc, element } = soapBodyElement(soapXml, DEFAULT_MAX_XML_BYTES);
  if (!isNamed(element, NS.saml2p, 'LogoutResponse')) refuse('malformed', 'not a LogoutResponse');
  verifyEnvelopedSignature(doc, element, options.idpCert);
  checkProtocolMessage(element, options.idpEntityId);
  if (element.getAttribute('InResponseTo') !== options.logoutRequestId) refuse('in_response_to', 'LogoutResponse answers another request');
  checkStatus(childElements(element)[2]);
}
