// The node's encrypted assertion (XML Encryption 1.1): AES-256-GCM content, its key wrapped with
// AES-256 key wrap under a key agreed by ECDH-ES (the node's ephemeral P-256 key with ours) and
// derived by ConcatKDF SHA-256. Only this exact scheme is accepted; anything else is refused.
import { createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import {
  aesGcmDecrypt,
  aesGcmEncrypt,
  aesKeyUnwrap,
  aesKeyWrap,
  concatKdf,
  ecdhEsSharedSecret,
  p256PointFromPublicKey,
  p256PrivateKey,
  p256PublicKey,
  p256PublicKeyFromPoint,
} from './crypto';
import { refuse } from './refusal';
import {
  NS,
  decodeBase64,
  escapeXml,
  exactChildren,
  isNamed,
  optionalAttribute,
  requiredAttribute,
  textOf,
  type Element,
  type ElementName,
} from './xml';

export const ENCRYPTION_ALGORITHMS = {
  aes256Gcm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
  kwAes256: 'http://www.w3.org/2001/04/xmlenc#kw-aes256',
  ecdhEs: 'http://www.w3.org/2009/xmlenc11#ECDH-ES',
  concatKdf: 'http://www.w3.org/2009/xmlenc11#ConcatKDF',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  p256: 'urn:oid:1.2.840.10045.3.1.7',
  elementType: 'http://www.w3.org/2001/04/xmlenc#Element',
} as const;

export interface EncryptedAssertionParts {
  dataAlgorithm: string;
  keyWrapAlgorithm: string;
  agreementAlgorithm: string;
  kdfAlgorithm: string;
  kdfDigestAlgorithm: string;
  namedCurve: string;
  /** ConcatKDF parameters as given (each a 4-byte big-endian length and the value). */
  algorithmId: Buffer;
  partyUInfo: Buffer;
  partyVInfo: Buffer;
  /** The originator's ephemeral public key, an uncompressed P-256 point. */
  originatorPoint: Buffer;
  wrappedKey: Buffer;
  /** IV(12) ‖ ciphertext ‖ tag(16). */
  cipherValue: Buffer;
}

const children = (parent: Element, names: readonly ElementName[], optionalTail = 0) =>
  exactChildren(parent, names, 'malformed', optionalTail);

/** The children of xenc:EncryptedData and xenc:EncryptedKey alike (XML Encryption's EncryptedType). */
const ENCRYPTED_TYPE: readonly ElementName[] = [
  [NS.xenc, 'EncryptionMethod'],
  [NS.ds, 'KeyInfo'],
  [NS.xenc, 'CipherData'],
];

function algorithm(element: Element, expected: string): string {
  const value = requiredAttribute(element, 'Algorithm');
  if (value !== expected) refuse('algorithm', `${element.localName} is not ${expected}`);
  return value;
}

function hexAttribute(element: Element, name: string): Buffer {
  const value = requiredAttribute(element, name);
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(value)) refuse('malformed', `${name} is not hex`);
  return Buffer.from(value, 'hex');
}

/** Reads and checks the structure and algorithms of a saml2:EncryptedAssertion. */
export function readEncryptedAssertion(encryptedAssertion: Element): EncryptedAssertionParts {
  if (!isNamed(encryptedAssertion, NS.saml2, 'EncryptedAssertion')) refuse('malformed', 'not an EncryptedAssertion');
  const [encryptedData] = children(encryptedAssertion, [[NS.xenc, 'EncryptedData']]) as [Element];
  const type = optionalAttribute(encryptedData, 'Type');
  if (type !== undefined && type !== ENCRYPTION_ALGORITHMS.elementType) refuse('malformed', 'EncryptedData is not an element');
  const [dataMethod, dataKeyInfo, dataCipherData] = children(encryptedData, ENCRYPTED_TYPE) as [Element, Element, Element];
  const dataAlgorithm = algorithm(dataMethod, ENCRYPTION_ALGORITHMS.aes256Gcm);
  // The node names SHA-256 inside the GCM method; it means nothing for GCM, but nothing else is expected.
  const dataDigest = children(dataMethod, [[NS.ds, 'DigestMethod']], 1)[0];
  if (dataDigest) algorithm(dataDigest, ENCRYPTION_ALGORITHMS.sha256);

  const [encryptedKey] = children(dataKeyInfo, [[NS.xenc, 'EncryptedKey']]) as [Element];
  const [keyMethod, keyKeyInfo, keyCipherData] = children(encryptedKey, ENCRYPTED_TYPE) as [Element, Element, Element];
  const keyWrapAlgorithm = algorithm(keyMethod, ENCRYPTION_ALGORITHMS.kwAes256);
  children(keyMethod, []);

  const [agreement] = children(keyKeyInfo, [[NS.xenc, 'AgreementMethod']]) as [Element];
  const agreementAlgorithm = algorithm(agreement, ENCRYPTION_ALGORITHMS.ecdhEs);
  // RecipientKeyInfo only names our key; which key decrypts is decided by configuration.
  const [kdfMethod, originatorKeyInfo] = children(
    agreement,
    [
      [NS.xenc11, 'KeyDerivationMethod'],
      [NS.xenc, 'OriginatorKeyInfo'],
      [NS.xenc, 'RecipientKeyInfo'],
    ],
    1,
  ) as [Element, Element];
  const kdfAlgorithm = algorithm(kdfMethod, ENCRYPTION_ALGORITHMS.concatKdf);
  const [kdfParams] = children(kdfMethod, [[NS.xenc11, 'ConcatKDFParams']]) as [Element];
  const [kdfDigest] = children(kdfParams, [[NS.ds, 'DigestMethod']]) as [Element];
  const kdfDigestAlgorithm = algorithm(kdfDigest, ENCRYPTION_ALGORITHMS.sha256);

  const [keyValue] = children(originatorKeyInfo, [[NS.ds, 'KeyValue']]) as [Element];
  const [ecKeyValue] = children(keyValue, [[NS.dsig11, 'ECKeyValue']]) as [Element];
  const [namedCurveElement, publicKey] = children(ecKeyValue, [
    [NS.dsig11, 'NamedCurve'],
    [NS.dsig11, 'PublicKey'],
  ]) as [Element, Element];
  const namedCurve = requiredAttribute(namedCurveElement, 'URI');
  if (namedCurve !== ENCRYPTION_ALGORITHMS.p256) refuse('algorithm', 'curve is not P-256');

  const cipherValue = (cipherData: Element) => decodeBase64(textOf(children(cipherData, [[NS.xenc, 'CipherValue']])[0]!), 'CipherValue');
  return {
    dataAlgorithm,
    keyWrapAlgorithm,
    agreementAlgorithm,
    kdfAlgorithm,
    kdfDigestAlgorithm,
    namedCurve,
    algorithmId: hexAttribute(kdfParams, 'AlgorithmID'),
    partyUInfo: hexAttribute(kdfParams, 'PartyUInfo'),
    partyVInfo: hexAttribute(kdfParams, 'PartyVInfo'),
    originatorPoint: decodeBase64(textOf(publicKey), 'PublicKey'),
    wrappedKey: cipherValue(keyCipherData),
    cipherValue: cipherValue(dataCipherData),
  };
}

/** Decrypts a saml2:EncryptedAssertion with the service's P-256 encryption key; returns the XML. */
export function decryptEncryptedAssertion(encryptedAssertion: Element, recipientPrivateKey: string | KeyObject): string {
  const parts = readEncryptedAssertion(encryptedAssertion);
  const privateKey = p256PrivateKey(recipientPrivateKey);
  if (parts.wrappedKey.length !== 40) refuse('decryption', 'wrapped key is not a 256-bit key');
  const sharedSecret = ecdhEsSharedSecret(privateKey, p256PublicKeyFromPoint(parts.originatorPoint));
  const kek = concatKdf(sharedSecret, 32, Buffer.concat([parts.algorithmId, parts.partyUInfo, parts.partyVInfo]));
  const contentKey = aesKeyUnwrap(kek, parts.wrappedKey);
  const plaintext = aesGcmDecrypt(contentKey, parts.cipherValue);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    return refuse('decryption', 'plaintext is not UTF-8');
  }
}

/** A ConcatKDF parameter as the node writes it: a 4-byte big-endian length, then the UTF-8 value. */
export function concatKdfParameter(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export interface EncryptAssertionOptions {
  /** Declare the prefixes on EncryptedAssertion (off when an ancestor declares them, as the node does). */
  declareNamespaces?: boolean;
}

/**
 * Encrypts an assertion to a service as the node does (for the simulated node and tests):
 * a fresh ephemeral P-256 key, ConcatKDF with the node's and the service's names, a fresh content key.
 */
export function encryptAssertion(
  assertionXml: string,
  recipientCertPem: string | KeyObject,
  nodeName: string,
  serviceName: string,
  { declareNamespaces = true }: EncryptAssertionOptions = {},
): string {
  const recipient = p256PublicKey(recipientCertPem);
  const ephemeral = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const algorithmId = concatKdfParameter(ENCRYPTION_ALGORITHMS.kwAes256);
  const partyUInfo = concatKdfParameter(nodeName);
  const partyVInfo = concatKdfParameter(serviceName);
  const kek = concatKdf(ecdhEsSharedSecret(ephemeral.privateKey, recipient), 32, Buffer.concat([algorithmId, partyUInfo, partyVInfo]));
  const contentKey = randomBytes(32);
  const wrappedKey = aesKeyWrap(kek, contentKey);
  const cipherValue = aesGcmEncrypt(contentKey, Buffer.from(assertionXml, 'utf8'));
  const point = p256PointFromPublicKey(createPublicKey(ephemeral.privateKey));
  const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase();
  const declarations = declareNamespaces
    ? (['saml2', 'xenc', 'xenc11', 'ds', 'dsig11'] as const).map((prefix) => ` xmlns:${prefix}="${NS[prefix]}"`).join('')
    : '';
  const A = ENCRYPTION_ALGORITHMS;
  return (
    `<saml2:EncryptedAssertion${declarations}>` +
    `<xenc:EncryptedData Id="ID-${randomUUID()}" Type="${A.elementType}">` +
    `<xenc:EncryptionMethod Algorithm="${A.aes256Gcm}"><ds:DigestMethod Algorithm="${A.sha256}"/></xenc:EncryptionMethod>` +
    `<ds:KeyInfo><xenc:EncryptedKey Id="ID-${randomUUID()}"><xenc:EncryptionMethod Algorithm="${A.kwAes256}"/>` +
    `<ds:KeyInfo><xenc:AgreementMethod Algorithm="${A.ecdhEs}">` +
    `<xenc11:KeyDerivationMethod Algorithm="${A.concatKdf}">` +
    `<xenc11:ConcatKDFParams AlgorithmID="${hex(algorithmId)}" PartyUInfo="${hex(partyUInfo)}" PartyVInfo="${hex(partyVInfo)}">` +
    `<ds:DigestMethod Algorithm="${A.sha256}"/></xenc11:ConcatKDFParams></xenc11:KeyDerivationMethod>` +
    `<xenc:OriginatorKeyInfo><ds:KeyValue><dsig11:ECKeyValue><dsig11:NamedCurve URI="${escapeXml(A.p256)}"/>` +
    `<dsig11:PublicKey>${point.toString('base64')}</dsig11:PublicKey></dsig11:ECKeyValue></ds:KeyValue></xenc:OriginatorKeyInfo>` +
    `</xenc:AgreementMethod></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${wrappedKey.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${cipherValue.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData></saml2:EncryptedAssertion>`
  );
}
