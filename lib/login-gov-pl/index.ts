// A TypeScript client of login.gov.pl (Węzeł Krajowy Identyfikacji Elektronicznej): SAML 2.0 Web
// SSO with the Artifact binding, ECDSA P-256 signatures and ECDH-ES encrypted assertions.
// Framework-free: it depends on node:crypto, @xmldom/xmldom and xml-crypto's C14N only.
export { WkRefusal, isWkRefusal, type RefusalReason } from './refusal';
export {
  buildAuthnRequest,
  buildArtifactResolve,
  buildLogoutRequest,
  encodeSamlRequest,
  newMessageId,
  readArtifact,
  spMetadata,
  loaUri,
  type AuthnRequestOptions,
  type ArtifactResolveOptions,
  type LogoutRequestOptions,
  type Loa,
  type SpMetadataOptions,
} from './messages';
export { readArtifactResponse, type ReadArtifactResponseOptions, type WkIdentity } from './artifact-response';
export { signEnveloped, verifyEnvelopedSignature } from './signature';
export { decryptEncryptedAssertion, encryptAssertion } from './encryption';
export {
  createCertificateSigningRequest,
  createSelfSignedCertificate,
  generateP256KeyPair,
  type CertificateSigningRequestOptions,
  type CertificateSubject,
  type P256KeyPairPem,
  type SelfSignedCertificateOptions,
} from './certificate';
