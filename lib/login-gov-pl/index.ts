// A TypeScript client of login.gov.pl (Węzeł Krajowy Identyfikacji Elektronicznej): SAML 2.0 Web
// SSO with the Artifact binding, ECDSA P-256 signatures and ECDH-ES encrypted assertions.
// Framework-free: it depends on node:crypto, @xmldom/xmldom and xml-crypto's C14N only.
export { isWkRefusal, type RefusalReason } from './refusal';
export {
  buildAuthnRequest,
  buildArtifactResolve,
  buildLogoutRequest,
  encodeSamlRequest,
  newMessageId,
  readArtifact,
  spMetadata,
  type Loa,
} from './messages';
export { readArtifactResponse, type WkIdentity } from './artifact-response';
export { readLogoutResponse } from './logout-response';
export { generateP256KeyPair } from './certificate';
