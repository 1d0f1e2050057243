// npm run wk -- keys --out DIR [--cn NAME] [--o ORG] [--force]
// Makes the service's two login.gov.pl key pairs (signing and encryption): for each a PKCS#8
// private key, a CSR for COI (the node's operator, which issues the production certificates) and
// a self-signed certificate to use with the integration environment and in the metadata until the
// issued one arrives. Exit codes: 0 done, 1 refused (files exist, cannot write), 2 bad usage.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCertificateSigningRequest, createSelfSignedCertificate, type CertificateSubject } from '@/lib/login-gov-pl/certificate';

const USAGE = `Usage:
  npm run wk -- keys --out DIR [--cn NAME] [--o ORG] [--force]

  keys   make the service's two P-256 key pairs for login.gov.pl, into DIR (created, mode 0700):
           sp-signing.key     sp-signing.csr     sp-signing.crt
           sp-encryption.key  sp-encryption.csr  sp-encryption.crt
         *.key private keys (PKCS#8 PEM, mode 0600), *.csr certificate signing requests for COI,
         *.crt self-signed certificates (integration environment; metadata until COI's arrive).
  --cn   the certificates' common name, followed by " signing" / " encryption" (default E-Rejestracja)
  --o    the organisation, e.g. the hospital's name (optional; the country is always PL)
  --force  replace files that already exist (otherwise nothing is overwritten)`;

const DEFAULT_COMMON_NAME = 'E-Rejestracja';

const KEY_PAIRS = [
  { file: 'sp-signing', purpose: 'signing', keyVariable: 'WK_SP_SIGNING_KEY', certVariable: 'WK_SP_SIGNING_CERT' },
  { file: 'sp-encryption', purpose: 'encryption', keyVariable: 'WK_SP_ENCRYPTION_KEY', certVariable: 'WK_SP_ENCRYPTION_CERT' },
] as const;

type KeyPairSpec = (typeof KEY_PAIRS)[number];

interface OutputFile {
  name: string;
  content: string;
  mode: number;
}

interface KeysOptions {
  out: string;
  cn: string;
  o?: string;
  force: boolean;
}

function usageError(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

const KEYS_ARGS = { out: { type: 'string' }, cn: { type: 'string' }, o: { type: 'string' }, force: { type: 'boolean' } } as const;

function readKeysArgs(args: string[]) {
  try {
    return parseArgs({ args, options: KEYS_ARGS, strict: true }).values;
  } catch (error) {
    // parseArgs throws on an unknown option or a stray argument: a usage error, not a crash.
    return usageError((error as Error).message);
  }
}

function parseKeysOptions(args: string[]): KeysOptions {
  const values = readKeysArgs(args);
  if (!values.out) return usageError('--out DIR is required.');
  return { out: path.resolve(values.out), cn: values.cn ?? DEFAULT_COMMON_NAME, o: values.o, force: values.force ?? false };
}

function subjectFor(options: KeysOptions, spec: KeyPairSpec): CertificateSubject {
  return { CN: `${options.cn} ${spec.purpose}`, C: 'PL', ...(options.o === undefined ? {} : { O: options.o }) };
}

/** One key pair as its three files; the CSR and the certificate carry the same subject. */
function keyPairFiles(options: KeysOptions, spec: KeyPairSpec): OutputFile[] {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const subject = subjectFor(options, spec);
  return [
    { name: `${spec.file}.key`, content: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), mode: 0o600 },
    { name: `${spec.file}.csr`, content: createCertificateSigningRequest({ privateKey, publicKey, subject }), mode: 0o644 },
    { name: `${spec.file}.crt`, content: createSelfSignedCertificate({ privateKey, subject }), mode: 0o644 },
  ];
}

function buildAllFiles(options: KeysOptions): OutputFile[] {
  try {
    return KEY_PAIRS.flatMap((spec) => keyPairFiles(options, spec));
  } catch (error) {
    // The subject's checks (length, characters) are the only way this fails: the user's input.
    return usageError(`Cannot make the keys: ${(error as Error).message}`);
  }
}

function prepareDirectory(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) refuse(`${dir} exists and is not a directory.`);
    return;
  }
  try {
    // Private keys go in it, so only the owner may list or enter it.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    refuse(`Cannot create ${dir}: ${(error as Error).message}`);
  }
}

function refuseToOverwrite(dir: string, files: OutputFile[]): void {
  const existing = files.map((file) => path.join(dir, file.name)).filter((file) => existsSync(file));
  if (existing.length === 0) return;
  refuse(
    `Refused: these files exist already and were left as they are:\n${existing.map((f) => `  ${f}`).join('\n')}\nUse --force to replace them.`,
  );
}

/**
 * Writes every file under a temporary name first and renames them only when all are written, so
 * a failure never leaves a key beside a certificate of another key. A private key is created
 * with mode 0600 from its first byte, never readable by others even for a moment.
 */
function writeAll(dir: string, files: OutputFile[]): void {
  const suffix = `.tmp-${randomBytes(6).toString('hex')}`;
  const written: string[] = [];
  try {
    for (const file of files) {
      const temporary = path.join(dir, file.name + suffix);
      writeFileSync(temporary, file.content, { mode: file.mode, flag: 'wx' });
      written.push(temporary);
    }
  } catch (error) {
    for (const temporary of written) rmSync(temporary, { force: true });
    refuse(`Cannot write into ${dir}: ${(error as Error).message}`);
  }
  try {
    for (const file of files) renameSync(path.join(dir, file.name + suffix), path.join(dir, file.name));
  } catch (error) {
    // Only a name taken by something that is not a file (a directory) gets here, and only with --force.
    for (const file of files) rmSync(path.join(dir, file.name + suffix), { force: true });
    refuse(`Cannot replace a file in ${dir}: ${(error as Error).message}`);
  }
}

function report(dir: string): void {
  const lines = [`Wrote two P-256 key pairs into ${dir}:`];
  for (const spec of KEY_PAIRS) {
    lines.push(`  ${`${spec.file}.key`.padEnd(18)}private key (mode 0600): keep it secret, never send it`);
    lines.push(`  ${`${spec.file}.csr`.padEnd(18)}certificate signing request for COI`);
    lines.push(`  ${`${spec.file}.crt`.padEnd(18)}self-signed certificate: integration environment, and the metadata until COI's arrives`);
  }
  lines.push('', 'Set (each accepts PEM text or a path to a PEM file):');
  for (const spec of KEY_PAIRS) {
    lines.push(`  ${spec.keyVariable}=${path.join(dir, `${spec.file}.key`)}`);
    lines.push(`  ${spec.certVariable}=${path.join(dir, `${spec.file}.crt`)}`);
  }
  lines.push(
    '',
    `Send ${KEY_PAIRS.map((spec) => `${spec.file}.csr`).join(' and ')} to the node's operator, COI (Centralny Ośrodek`,
    'Informatyki), with the application to connect to login.gov.pl. When the issued certificates arrive, point',
    `${KEY_PAIRS.map((spec) => spec.certVariable).join(' and ')} at them; the keys stay the same.`,
  );
  console.log(lines.join('\n'));
}

function keys(args: string[]): void {
  const options = parseKeysOptions(args);
  const files = buildAllFiles(options);
  prepareDirectory(options.out);
  if (!options.force) refuseToOverwrite(options.out, files);
  writeAll(options.out, files);
  report(options.out);
}

const [command, ...rest] = process.argv.slice(2);
switch (command) {
  case 'keys':
    keys(rest);
    break;
  case 'help':
  case '--help':
  case '-h':
    console.log(USAGE);
    break;
  default:
    usageError(command ? `Unknown command: ${command}` : undefined);
}
