// `npm run wk -- keys` run as a user runs it, in a child process: the six files, their modes, that
// each key belongs to its certificate and CSR, no overwriting without --force, exit codes.
import { X509Certificate, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASES = ['sp-signing', 'sp-encryption'];
const FILES = BASES.flatMap((base) => [`${base}.key`, `${base}.csr`, `${base}.crt`]).sort();
const OPENSSL = spawnSync('openssl', ['version']).status === 0;
const POSIX_MODES = process.platform !== 'win32';

const workDir = mkdtempSync(path.join(tmpdir(), 'wk-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function wk(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/wk.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(FILES.map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

/** The SubjectPublicKeyInfo of a CSR, found by walking its DER: info's third element. */
function csrPublicKeyDer(pem: string): Buffer {
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
  const skipHeader = (offset: number) => offset + 2 + (der[offset + 1]! >= 0x80 ? der[offset + 1]! & 0x7f : 0);
  const lengthAt = (offset: number) => {
    const first = der[offset + 1]!;
    return first < 0x80 ? first : der.readUIntBE(offset + 2, first & 0x7f);
  };
  let offset = skipHeader(skipHeader(0)); // into CertificationRequest, then into its info
  for (let skip = 0; skip < 2; skip++) offset = skipHeader(offset) + lengthAt(offset); // version, subject
  return der.subarray(offset, skipHeader(offset) + lengthAt(offset));
}

function checkKeyPair(dir: string, base: string): void {
  const privateKey = createPrivateKey(readFileSync(path.join(dir, `${base}.key`)));
  expect(readFileSync(path.join(dir, `${base}.key`), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/); // PKCS#8
  expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });

  const certificate = new X509Certificate(readFileSync(path.join(dir, `${base}.crt`)));
  expect(certificate.checkPrivateKey(privateKey)).toBe(true);
  expect(certificate.verify(certificate.publicKey)).toBe(true);
  expect(certificate.publicKey.export({ type: 'spki', format: 'der' })).toEqual(spki);

  const csr = readFileSync(path.join(dir, `${base}.csr`), 'utf8');
  expect(csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
  expect(csrPublicKeyDer(csr)).toEqual(spki);
  const data = Buffer.from('proof of possession');
  expect(
    verify('sha256', data, createPublicKey({ key: csrPublicKeyDer(csr), format: 'der', type: 'spki' }), sign('sha256', data, privateKey)),
  ).toBe(true);
  if (OPENSSL) {
    const result = spawnSync('openssl', ['req', '-verify', '-noout', '-in', path.join(dir, `${base}.csr`)], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toMatch(/verify OK/);
  }
}

describe('npm run wk -- keys', () => {
  const dir = path.join(workDir, 'nested', 'keys');

  it('makes the six files, the keys 0600 in a new 0700 directory, and says what to set', () => {
    const result = wk('keys', '--out', dir, '--cn', 'szpital.example', '--o', 'Szpital Wojewódzki');
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    if (POSIX_MODES) {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const base of BASES) expect(statSync(path.join(dir, `${base}.key`)).mode & 0o777).toBe(0o600);
      // The certificates and CSRs are public, but nothing is writable by others.
      for (const file of FILES) expect(statSync(path.join(dir, file)).mode & 0o022).toBe(0);
    }
    for (const [variable, file] of [
      ['WK_SP_SIGNING_KEY', 'sp-signing.key'],
      ['WK_SP_SIGNING_CERT', 'sp-signing.crt'],
      ['WK_SP_ENCRYPTION_KEY', 'sp-encryption.key'],
      ['WK_SP_ENCRYPTION_CERT', 'sp-encryption.crt'],
    ]) {
      expect(result.stdout).toContain(`${variable}=${path.join(dir, file!)}`);
    }
    expect(result.stdout).toMatch(/COI.*Centralny Ośrodek/s);
  });

  it('makes each key match its certificate and CSR, two different keys, with the subject asked for', () => {
    for (const base of BASES) checkKeyPair(dir, base);
    const signing = new X509Certificate(readFileSync(path.join(dir, 'sp-signing.crt')));
    const encryption = new X509Certificate(readFileSync(path.join(dir, 'sp-encryption.crt')));
    expect(signing.publicKey.equals(encryption.publicKey)).toBe(false);
    expect(signing.subject).toBe('C=PL\nO=Szpital Wojewódzki\nCN=szpital.example signing');
    expect(encryption.subject).toBe('C=PL\nO=Szpital Wojewódzki\nCN=szpital.example encryption');
  });

  it('refuses a second run without --force and changes nothing', () => {
    const before = snapshot(dir);
    const result = wk('keys', '--out', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--force/);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(FILES); // no temporary files left behind
  });

  it('refuses when even one of the six exists, and writes none of the others', () => {
    const partial = path.join(workDir, 'partial');
    expect(wk('keys', '--out', partial).status).toBe(0);
    for (const file of FILES) if (file !== 'sp-encryption.csr') rmSync(path.join(partial, file));
    expect(wk('keys', '--out', partial).status).toBe(1);
    expect(readdirSync(partial)).toEqual(['sp-encryption.csr']);
  });

  it('replaces all six with --force, keeping the key 0600', () => {
    const before = snapshot(dir);
    if (POSIX_MODES) chmodSync(path.join(dir, 'sp-signing.key'), 0o644); // --force must not keep a loosened mode
    const result = wk('keys', '--out', dir, '--force');
    expect(result.status, result.stderr).toBe(0);
    const after = snapshot(dir);
    for (const file of FILES) expect(after[file]).not.toBe(before[file]);
    expect(readdirSync(dir).sort()).toEqual(FILES);
    if (POSIX_MODES) for (const base of BASES) expect(statSync(path.join(dir, `${base}.key`)).mode & 0o777).toBe(0o600);
    for (const base of BASES) checkKeyPair(dir, base);
    expect(new X509Certificate(readFileSync(path.join(dir, 'sp-signing.crt'))).subject).toBe('C=PL\nCN=E-Rejestracja signing');
  });

  it('exits 2 with the usage on stderr for bad usage', () => {
    for (const args of [[], ['nope'], ['keys'], ['keys', '--out'], ['keys', '--out', dir, '--bogus'], ['keys', '--out', dir, 'stray']]) {
      const result = wk(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage:');
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 for a subject a CA would refuse, writing nothing', () => {
    const target = path.join(workDir, 'bad-subject');
    const result = wk('keys', '--out', target, '--cn', 'x'.repeat(60));
    expect(result.status).toBe(2);
    expect(() => statSync(target)).toThrow();
  });
});
