// The hand-written DER of certificate.ts checked by outside readers: OpenSSL (what COI will run
// on the CSR) and node:crypto's X509Certificate, plus a small DER walk so the subject and key are
// read independently of the code that wrote them.
import { X509Certificate, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCertificateSigningRequest, createSelfSignedCertificate, type CertificateSubject } from '@/lib/login-gov-pl/certificate';

const OPENSSL = spawnSync('openssl', ['version']).status === 0;
const workDir = mkdtempSync(path.join(tmpdir(), 'wk-certificate-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const subject: CertificateSubject = { CN: 'e-rejestracja.example signing', O: 'Szpital Wojewódzki w Zamościu', C: 'PL', L: 'Zamość' };

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
}

function derToPem(label: string, der: Buffer): string {
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
}

interface Tlv {
  tag: number;
  header: number;
  length: number;
  start: number;
}

function readTlv(der: Buffer, offset: number): Tlv {
  const first = der[offset + 1]!;
  if (first < 0x80) return { tag: der[offset]!, header: 2, length: first, start: offset };
  const count = first & 0x7f;
  return { tag: der[offset]!, header: 2 + count, length: der.readUIntBE(offset + 2, count), start: offset };
}

const whole = (der: Buffer, tlv: Tlv) => der.subarray(tlv.start, tlv.start + tlv.header + tlv.length);
const body = (der: Buffer, tlv: Tlv) => der.subarray(tlv.start + tlv.header, tlv.start + tlv.header + tlv.length);

function children(der: Buffer, parent: Tlv): Tlv[] {
  const list: Tlv[] = [];
  for (let offset = parent.start + parent.header; offset < parent.start + parent.header + parent.length;) {
    const child = readTlv(der, offset);
    list.push(child);
    offset += child.header + child.length;
  }
  return list;
}

const ATTRIBUTE_NAMES: Record<string, string> = { '550403': 'CN', '55040a': 'O', '550406': 'C', '550407': 'L' };

/** Reads a CSR's parts by walking its DER: CertificationRequest ::= SEQUENCE { info, algorithm, signature }. */
function parseCsr(pem: string) {
  const der = pemToDer(pem);
  const [info, algorithm, signature] = children(der, readTlv(der, 0));
  const [version, name, spki, attributes] = children(der, info!);
  const subjectFields = children(der, name!).map((rdn) => {
    const [oid, value] = children(der, children(der, rdn)[0]!);
    return [ATTRIBUTE_NAMES[body(der, oid!).toString('hex')], body(der, value!).toString('utf8'), value!.tag] as const;
  });
  return {
    der,
    info: whole(der, info!),
    version: body(der, version!),
    subjectFields,
    spki: whole(der, spki!),
    attributes: whole(der, attributes!),
    algorithm: whole(der, algorithm!),
    signature: body(der, signature!).subarray(1), // past the BIT STRING's unused-bits byte
  };
}

function openssl(args: string[], file: string) {
  return spawnSync('openssl', [...args, '-in', file], { encoding: 'utf8' });
}

function writeTemp(name: string, content: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, content);
  return file;
}

function flipByteInside(der: Buffer, needle: string): Buffer {
  const copy = Buffer.from(der);
  const at = copy.indexOf(Buffer.from(needle, 'utf8'));
  expect(at).toBeGreaterThan(0);
  copy[at] = copy[at]! ^ 0x01; // 'e' → 'd': the structure stays valid, only the signature no longer holds
  return copy;
}

describe('createCertificateSigningRequest', () => {
  const csr = createCertificateSigningRequest({ privateKey, publicKey, subject });
  const csrFile = writeTemp('request.csr', csr);

  it('is a PEM certificate request', () => {
    expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE REQUEST-----\n$/);
  });

  it('verifies with openssl req -verify', () => {
    if (!OPENSSL) {
      console.warn('\n\n!!! openssl is not on PATH: the CSR was NOT checked by OpenSSL !!!\n\n');
      return;
    }
    const result = openssl(['req', '-verify', '-noout'], csrFile);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/verify OK/);
  });

  it('holds the subject and public key given, version 1, no attributes, ecdsa-with-SHA256', () => {
    const parsed = parseCsr(csr);
    expect(parsed.version).toEqual(Buffer.from([0]));
    expect(parsed.subjectFields).toEqual([
      ['C', 'PL', 0x13],
      ['L', 'Zamość', 0x0c],
      ['O', 'Szpital Wojewódzki w Zamościu', 0x0c],
      ['CN', 'e-rejestracja.example signing', 0x0c],
    ]);
    expect(parsed.spki).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    expect(parsed.attributes).toEqual(Buffer.from([0xa0, 0x00]));
    expect(parsed.algorithm.toString('hex')).toBe('300a06082a8648ce3d040302');
  });

  it('carries a DER ECDSA signature over the request info that node:crypto verifies', () => {
    const parsed = parseCsr(csr);
    expect(parsed.signature[0]).toBe(0x30); // an ECDSA-Sig-Value SEQUENCE, not raw r‖s
    expect(verify('sha256', parsed.info, { key: publicKey, dsaEncoding: 'der' }, parsed.signature)).toBe(true);
  });

  it('reads back the same subject and key through openssl req -text', () => {
    if (!OPENSSL) return; // the DER walk above has checked both already
    const text = openssl(['req', '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus'], csrFile);
    expect(text.stdout.trim()).toBe('subject=C=PL,L=Zamość,O=Szpital Wojewódzki w Zamościu,CN=e-rejestracja.example signing');
    expect(openssl(['req', '-noout', '-text'], csrFile).stdout).toMatch(
      /ecdsa-with-SHA256[\s\S]*NIST CURVE: P-256|P-256[\s\S]*ecdsa-with-SHA256/,
    );
    const key = openssl(['req', '-noout', '-pubkey'], csrFile).stdout;
    expect(createPublicKey(key).export({ type: 'spki', format: 'der' })).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('fails verification with one changed byte', () => {
    const tampered = flipByteInside(pemToDer(csr), 'example');
    const parsed = parseCsr(derToPem('CERTIFICATE REQUEST', tampered));
    expect(verify('sha256', parsed.info, { key: publicKey, dsaEncoding: 'der' }, parsed.signature)).toBe(false);
    if (!OPENSSL) return;
    const result = openssl(['req', '-verify', '-noout'], writeTemp('tampered.csr', derToPem('CERTIFICATE REQUEST', tampered)));
    // OpenSSL before 3.2 exits 0 after "verify failure", so its words are what is checked.
    const output = result.stdout + result.stderr;
    expect(output).not.toMatch(/verify OK/);
    expect(result.status !== 0 || /verify failure/.test(output)).toBe(true);
  });

  it('derives the public key when it is not given', () => {
    const parsed = parseCsr(createCertificateSigningRequest({ privateKey, subject: { CN: 'only a name' } }));
    expect(parsed.subjectFields).toEqual([['CN', 'only a name', 0x0c]]);
    expect(parsed.spki).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
  });

  it('refuses a public key that is not the private key’s, a key off P-256, and a malformed subject', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    expect(() => createCertificateSigningRequest({ privateKey, publicKey: other, subject })).toThrow(TypeError);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    expect(() => createCertificateSigningRequest({ privateKey: p384, subject })).toThrow(TypeError);
    expect(() => createCertificateSigningRequest({ privateKey: publicKey, subject })).toThrow(TypeError);
    for (const bad of [{ CN: '' }, { CN: 'x', C: 'Poland' }, { CN: 'x', C: 'pl' }, { CN: 'x'.repeat(65) }, { CN: 'x', O: ' ' }]) {
      expect(() => createCertificateSigningRequest({ privateKey, subject: bad })).toThrow(RangeError);
    }
  });
});

describe('createSelfSignedCertificate', () => {
  function checkCertificate(pem: string, key: KeyObject = publicKey) {
    const certificate = new X509Certificate(pem);
    expect(certificate.publicKey.export({ type: 'spki', format: 'der' })).toEqual(key.export({ type: 'spki', format: 'der' }));
    expect(certificate.checkPrivateKey(privateKey)).toBe(true);
    expect(certificate.verify(key)).toBe(true);
    return certificate;
  }

  it('takes the same subject fields as the CSR, as subject and issuer', () => {
    const certificate = checkCertificate(createSelfSignedCertificate({ privateKey, subject }));
    const expected = 'C=PL\nL=Zamość\nO=Szpital Wojewódzki w Zamościu\nCN=e-rejestracja.example signing';
    expect(certificate.subject).toBe(expected);
    expect(certificate.issuer).toBe(expected);
  });

  it('still takes a bare common name, with the validity asked for', () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const certificate = checkCertificate(createSelfSignedCertificate({ privateKey, commonName: 'test node', notBefore, days: 30 }));
    expect(certificate.subject).toBe('CN=test node');
    expect(new Date(certificate.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(certificate.validTo).toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('is not verified by another key and does not match another private key', () => {
    const certificate = new X509Certificate(createSelfSignedCertificate({ privateKey, subject }));
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(certificate.verify(other.publicKey)).toBe(false);
    expect(certificate.checkPrivateKey(other.privateKey)).toBe(false);
  });

  it('parses with openssl x509 as the same subject', () => {
    if (!OPENSSL) return;
    const file = writeTemp('self-signed.crt', createSelfSignedCertificate({ privateKey, subject }));
    const result = openssl(['x509', '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus'], file);
    expect(result.stdout.trim()).toBe('subject=C=PL,L=Zamość,O=Szpital Wojewódzki w Zamościu,CN=e-rejestracja.example signing');
  });
});
