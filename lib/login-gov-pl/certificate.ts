// Self-signed P-256 certificates and PKCS#10 certificate signing requests for the simulated node,
// tests and the service's own keys. node:crypto reads certificates but cannot make them, and the
// node's metadata and KeyInfo carry certificates (and COI issues the production ones from a CSR),
// so this writes the few DER structures of an X.509 v3 certificate and a CSR by hand.
import { X509Certificate, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One DER element: tag, length, content (exported for the test stub's TLS certificate). */
export function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

export const sequence = (...content: Buffer[]) => der(0x30, ...content);
export const ECDSA_WITH_SHA256 = sequence(Buffer.from('06082a8648ce3d040302', 'hex'));
const UTF8_STRING = 0x0c;
const PRINTABLE_STRING = 0x13;

/** The subject of a certificate or CSR: common name, and optionally organisation, country, locality. */
export interface CertificateSubject {
  CN: string;
  O?: string;
  C?: string;
  L?: string;
}

// RFC 5280 appendix A.1: the OIDs, the upper bounds, and countryName as a PrintableString. Listed
// most general first, the customary order of an RDNSequence (C, L, O, CN).
const SUBJECT_ATTRIBUTES = [
  { key: 'C', oid: '0603550406', tag: PRINTABLE_STRING, maxLength: 2 },
  { key: 'L', oid: '0603550407', tag: UTF8_STRING, maxLength: 128 },
  { key: 'O', oid: '060355040a', tag: UTF8_STRING, maxLength: 64 },
  { key: 'CN', oid: '0603550403', tag: UTF8_STRING, maxLength: 64 },
] as const;

function checkSubject(subject: CertificateSubject): void {
  for (const { key, maxLength } of SUBJECT_ATTRIBUTES) {
    const value = subject[key];
    if (value === undefined) continue;
    // An empty or oversized value makes a CSR that a CA rejects only after it has been sent.
    if (value.trim() === '' || [...value].length > maxLength) throw new RangeError(`subject ${key} must be 1–${maxLength} characters`);
  }
  if (subject.C !== undefined && !/^[A-Z]{2}$/.test(subject.C))
    throw new RangeError('subject C must be a two-letter country code, e.g. PL');
}

function name(subject: CertificateSubject): Buffer {
  checkSubject(subject);
  const rdns = SUBJECT_ATTRIBUTES.filter(({ key }) => subject[key] !== undefined).map(({ key, oid, tag }) =>
    der(0x31, sequence(Buffer.from(oid, 'hex'), der(tag, Buffer.from(subject[key]!, 'utf8')))),
  );
  return sequence(...rdns);
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  // RFC 5280 4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050.
  return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2), 'ascii')) : der(0x18, Buffer.from(iso, 'ascii'));
}

function pem(label: string, body: Buffer): string {
  const base64 = body.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

/** Signs `toBeSigned` and wraps it as X.509 and PKCS#10 both do: SEQUENCE { data, algorithm, BIT STRING }. */
function signedStructure(toBeSigned: Buffer, privateKey: KeyObject): Buffer {
  // DER-encoded ECDSA-Sig-Value (RFC 5480 section 2.2.3), unlike XML signatures' raw r‖s.
  const signature = sign('sha256', toBeSigned, { key: privateKey, dsaEncoding: 'der' });
  return sequence(toBeSigned, ECDSA_WITH_SHA256, der(0x03, Buffer.from([0]), signature));
}

// The algorithm declared is ecdsa-with-SHA256 and the node speaks P-256 only, so any other key
// would make a structure that lies about itself.
function checkP256PrivateKey(privateKey: KeyObject): void {
  if (
    privateKey.type !== 'private' ||
    privateKey.asymmetricKeyType !== 'ec' ||
    privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
  ) {
    throw new TypeError('an EC P-256 private key is required');
  }
}

export type SelfSignedCertificateOptions = {
  privateKey: KeyObject;
  notBefore?: Date;
  days?: number;
} & ({ subject: CertificateSubject; commonName?: never } | { commonName: string; subject?: never });

/** A self-signed X.509 v3 certificate (ecdsa-with-SHA256) for an EC P-256 key, as PEM. */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): string {
  const { privateKey, notBefore = new Date(), days = 3650 } = options;
  checkP256PrivateKey(privateKey);
  const subject = name(options.subject ?? { CN: options.commonName });
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive and without a leading zero byte
  const notAfter = new Date(notBefore.getTime() + days * 86_400_000);
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_WITH_SHA256,
    subject,
    sequence(time(notBefore), time(notAfter)),
    subject,
    spki,
  );
  const certificate = pem('CERTIFICATE', signedStructure(tbs, privateKey));
  new X509Certificate(certificate); // fails loudly if the structure were ever wrong
  return certificate;
}

export interface CertificateSigningRequestOptions {
  privateKey: KeyObject;
  /** Optional: derived from the private key; when given it must be that key's public half. */
  publicKey?: KeyObject;
  subject: CertificateSubject;
}

function spkiOf(privateKey: KeyObject, publicKey: KeyObject | undefined): Buffer {
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  // A CSR for one key signed by another would verify nowhere; refuse it here, not at COI's desk.
  if (publicKey && !publicKey.export({ type: 'spki', format: 'der' }).equals(derived)) {
    throw new TypeError('the public key is not the private key’s own');
  }
  return derived;
}

/** A PKCS#10 certificate signing request (RFC 2986), ecdsa-with-SHA256, for an EC P-256 key, as PEM. */
export function createCertificateSigningRequest({ privateKey, publicKey, subject }: CertificateSigningRequestOptions): string {
  checkP256PrivateKey(privateKey);
  const info = sequence(
    der(0x02, Buffer.from([0])), // version v1(0), the only one RFC 2986 defines
    name(subject),
    spkiOf(privateKey, publicKey),
    der(0xa0), // attributes [0]: present though empty, as RFC 2986 requires
  );
  return pem('CERTIFICATE REQUEST', signedStructure(info, privateKey));
}

export interface P256KeyPairPem {
  privateKeyPem: string;
  certificatePem: string;
}

/** A fresh P-256 key pair with a self-signed certificate, both PEM. */
export function generateP256KeyPair(commonName: string, notBefore?: Date): P256KeyPairPem {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: createSelfSignedCertificate({ privateKey, commonName, notBefore }),
  };
}
