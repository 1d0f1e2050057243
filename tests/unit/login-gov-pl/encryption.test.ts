import { describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import { p256PublicKeyFromPoint } from '@/lib/login-gov-pl/crypto';
import {
  ENCRYPTION_ALGORITHMS,
  concatKdfParameter,
  decryptEncryptedAssertion,
  encryptAssertion,
  readEncryptedAssertion,
} from '@/lib/login-gov-pl/encryption';
import { NS, descendantsNamed, parseXml, type Element } from '@/lib/login-gov-pl/xml';
import { readVector } from './vectors';

const artifactResponse = readVector('artifact-response');
const refusedAs = (reason: string) => expect.objectContaining({ reason });

function encryptedAssertionOf(xml: string): Element {
  const found = descendantsNamed(parseXml(xml), NS.saml2, 'EncryptedAssertion');
  expect(found).toHaveLength(1);
  return found[0]!;
}

const service = generateP256KeyPair('service encryption');
const assertion =
  '<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="a1" Version="2.0"><saml2:Issuer>node</saml2:Issuer></saml2:Assertion>';

describe("the vector's EncryptedAssertion", () => {
  const parts = readEncryptedAssertion(encryptedAssertionOf(artifactResponse));

  it('uses AES-256-GCM, AES-256 key wrap, ECDH-ES on P-256 and ConcatKDF with SHA-256', () => {
    expect(parts).toMatchObject({
      dataAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
      keyWrapAlgorithm: 'http://www.w3.org/2001/04/xmlenc#kw-aes256',
      agreementAlgorithm: 'http://www.w3.org/2009/xmlenc11#ECDH-ES',
      kdfAlgorithm: 'http://www.w3.org/2009/xmlenc11#ConcatKDF',
      kdfDigestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
      namedCurve: 'urn:oid:1.2.840.10045.3.1.7',
    });
  });

  it('gives the KDF parameters as length-prefixed key-wrap URI, node name and service name', () => {
    expect(parts.algorithmId).toEqual(concatKdfParameter('http://www.w3.org/2001/04/xmlenc#kw-aes256'));
    expect(parts.partyUInfo).toEqual(concatKdfParameter('int-podmiotyzewnetrzne.login.gov.pl'));
    expect(parts.partyVInfo).toEqual(concatKdfParameter('e-talar.com'));
  });

  it('carries an ephemeral point on P-256, a 40-byte wrapped key and IV ‖ ciphertext ‖ tag', () => {
    expect(parts.originatorPoint).toHaveLength(65);
    expect(() => p256PublicKeyFromPoint(parts.originatorPoint)).not.toThrow();
    expect(parts.wrappedKey).toHaveLength(40);
    expect(parts.cipherValue.length).toBeGreaterThan(12 + 16);
  });

  it('cannot be decrypted with a key that is not the service’s', () => {
    expect(() => decryptEncryptedAssertion(encryptedAssertionOf(artifactResponse), service.privateKeyPem)).toThrowError(
      refusedAs('decryption'),
    );
  });
});

describe('encryptAssertion and decryptEncryptedAssertion', () => {
  it('round-trip an assertion to the service key', () => {
    const encrypted = encryptAssertion(assertion, service.certificatePem, 'node.example', 'service.example');
    expect(decryptEncryptedAssertion(encryptedAssertionOf(encrypted), service.privateKeyPem)).toBe(assertion);
  });

  it('write the same structure as the node', () => {
    const parts = readEncryptedAssertion(
      encryptedAssertionOf(encryptAssertion(assertion, service.certificatePem, 'node.example', 'service.example')),
    );
    expect(parts.partyUInfo).toEqual(concatKdfParameter('node.example'));
    expect(parts.partyVInfo).toEqual(concatKdfParameter('service.example'));
    expect(parts.wrappedKey).toHaveLength(40);
    expect(parts.cipherValue).toHaveLength(12 + Buffer.byteLength(assertion) + 16);
  });

  it('refuse an assertion encrypted to another key', () => {
    const other = generateP256KeyPair('another service');
    const encrypted = encryptAssertion(assertion, other.certificatePem, 'node.example', 'service.example');
    expect(() => decryptEncryptedAssertion(encryptedAssertionOf(encrypted), service.privateKeyPem)).toThrowError(refusedAs('decryption'));
  });

  it('refuse one changed byte in the cipher value, the wrapped key, the KDF parameters or the ephemeral key', () => {
    const encrypted = encryptAssertion(assertion, service.certificatePem, 'node.example', 'service.example');
    const values = [...encrypted.matchAll(/<xenc:CipherValue>([^<]+)</g)].map((match) => match[1]!);
    const flipBase64 = (value: string, at: number) => {
      const bytes = Buffer.from(value, 'base64');
      bytes[at] = bytes[at]! ^ 0x01;
      return bytes.toString('base64');
    };
    const pointValue = /<dsig11:PublicKey>([^<]+)</.exec(encrypted)![1]!;
    const tampered = [
      encrypted.replace(values[0]!, flipBase64(values[0]!, 20)),
      encrypted.replace(values[1]!, flipBase64(values[1]!, 0)),
      encrypted.replace(values[1]!, flipBase64(values[1]!, 30)),
      encrypted.replace(values[1]!, flipBase64(values[1]!, Buffer.from(values[1]!, 'base64').length - 1)),
      encrypted.replace(
        /PartyVInfo="([0-9A-F]+)"/,
        (_match, value: string) => `PartyVInfo="${value.slice(0, -1)}${value.endsWith('0') ? '1' : '0'}"`,
      ),
      encrypted.replace(pointValue, flipBase64(pointValue, 40)),
    ];
    for (const xml of tampered) {
      expect(() => decryptEncryptedAssertion(encryptedAssertionOf(xml), service.privateKeyPem)).toThrowError(refusedAs('decryption'));
    }
  });

  it('refuse any other algorithm', () => {
    const encrypted = encryptAssertion(assertion, service.certificatePem, 'node.example', 'service.example');
    const swaps: [string, string][] = [
      [ENCRYPTION_ALGORITHMS.aes256Gcm, 'http://www.w3.org/2009/xmlenc11#aes128-gcm'],
      [ENCRYPTION_ALGORITHMS.aes256Gcm, 'http://www.w3.org/2001/04/xmlenc#aes256-cbc'],
      [ENCRYPTION_ALGORITHMS.kwAes256, 'http://www.w3.org/2001/04/xmlenc#kw-aes128'],
      [ENCRYPTION_ALGORITHMS.ecdhEs, 'http://www.w3.org/2001/04/xmlenc#dh'],
      [ENCRYPTION_ALGORITHMS.concatKdf, 'http://www.w3.org/2009/xmlenc11#pbkdf2'],
      [ENCRYPTION_ALGORITHMS.p256, 'urn:oid:1.3.132.0.34'],
    ];
    for (const [from, to] of swaps) {
      const xml = encrypted.replace(`"${from}"`, `"${to}"`);
      expect(() => decryptEncryptedAssertion(encryptedAssertionOf(xml), service.privateKeyPem), to).toThrowError(refusedAs('algorithm'));
    }
  });

  it('refuse an unexpected element in the structure', () => {
    const encrypted = encryptAssertion(assertion, service.certificatePem, 'node.example', 'service.example');
    const withKeyName = encrypted.replace('<xenc:EncryptedKey Id', '<ds:KeyName>k</ds:KeyName><xenc:EncryptedKey Id');
    expect(() => decryptEncryptedAssertion(encryptedAssertionOf(withKeyName), service.privateKeyPem)).toThrowError(refusedAs('malformed'));
    const withProperties = encrypted.replace('</xenc:EncryptedData>', '<xenc:EncryptionProperties/></xenc:EncryptedData>');
    expect(() => decryptEncryptedAssertion(encryptedAssertionOf(withProperties), service.privateKeyPem)).toThrowError(
      refusedAs('malformed'),
    );
  });
});
