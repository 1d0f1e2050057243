// A TypeScript client of login.gov.pl (Węzeł Krajowy Identyfikacji Elektronicznej): SAML 2.0 Web
// SSO with the Artifact binding, ECDSA P-256 signatures and ECDH-ES encrypted assertions.
// Framework-free: it depends on node:crypto, @xmldom/xmldom and xml-crypto's C14N only.
export { isWkRefusal, type RefusalReason } from './refusal';
export {
  buildAuthnRequest,
  buildArtifactResolve,
  encodeSamlRequest,
  newMessageId,
  readArtifact,
  readArtifactResponse,
  spMetadata,
  type Loa,
  type WkIdentity,
} from './messages';
export { generateP256KeyPair } from './certificate';
