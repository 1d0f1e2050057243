// login.gov.pl as this deployment is connected to it (SPEC §17): the node's endpoints and
// certificate and the service's two key pairs, each given as PEM text or as a path to a PEM file.
// Unset → null (no button anywhere). In development without WK_*, the built-in simulator
// (app/dev/wk) plays the node, with keys of its own kept under .data/ so restarts keep working.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, env } from '@/lib/env';
import { generateP256KeyPair, type Loa } from '@/lib/login-gov-pl';

export interface WkConfig {
  ssoUrl: string;
  artifactUrl: string;
  logoutUrl: string | null;
  idpEntityId: string;
  idpCert: string;
  spEntityId: string;
  acsUrl: string;
  signingKey: string;
  signingCert: string;
  encryptionKey: string;
  encryptionCert: string;
  loa: Loa;
  /** The built-in simulator's own signing key, when it plays the node. */
  simulator: { nodeKey: string; nodeCert: string } | null;
}

export const SIMULATOR_ENTITY_ID = 'https://symulator.e-rejestracja.localhost';
const SIMULATOR_DIR = path.join('.data', 'wk-simulator');

/** PEM text as given, or the contents of the file the value names. */
export function readPem(name: string, value: string): string {
  if (value.startsWith('-----BEGIN')) return value.replace(/\\n/g, '\n');
  try {
    return readFileSync(value, 'utf8');
  } catch {
    throw new ConfigurationError(`${name}: neither PEM text nor a readable file`);
  }
}

function certificate(name: string, value: string): string {
  const pem = readPem(name, value);
  try {
    const cert = new X509Certificate(pem);
    if (cert.publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error('not P-256');
  } catch {
    throw new ConfigurationError(`${name}: not a P-256 certificate`);
  }
  return pem;
}

function privateKey(name: string, value: string, certPem: string): string {
  const pem = readPem(name, value);
  try {
    if (!new X509Certificate(certPem).checkPrivateKey(createPrivateKey(pem))) throw new Error('mismatch');
  } catch {
    throw new ConfigurationError(`${name}: not the private key of its certificate`);
  }
  return pem;
}

/** The simulator's key pairs: the node's and the service's two, made once and kept. */
function simulatorKeys(): { node: KeyPair; signing: KeyPair; encryption: KeyPair } {
  const file = path.join(SIMULATOR_DIR, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { node: KeyPair; signing: KeyPair; encryption: KeyPair };
  const make = (cn: string): KeyPair => {
    const pair = generateP256KeyPair(cn);
    return { key: pair.privateKeyPem, cert: pair.certificatePem };
  };
  const keys = { node: make('WK_SIG_EC simulator'), signing: make('E-Rejestracja signing'), encryption: make('E-Rejestracja encryption') };
  mkdirSync(SIMULATOR_DIR, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

interface KeyPair {
  key: string;
  cert: string;
}

let cached: WkConfig | null | undefined;

/** The connection to login.gov.pl, or null when there is none (no button is shown). */
export function wkConfig(): WkConfig | null {
  if (cached !== undefined) return cached;
  const acsUrl = `${env.APP_URL}/api/wk/acs`;
  if (env.WK_SSO_URL) {
    const signingCert = certificate('WK_SP_SIGNING_CERT', env.WK_SP_SIGNING_CERT!);
    const encryptionCert = certificate('WK_SP_ENCRYPTION_CERT', env.WK_SP_ENCRYPTION_CERT!);
    cached = {
      ssoUrl: env.WK_SSO_URL,
      artifactUrl: env.WK_ARTIFACT_URL!,
      logoutUrl: env.WK_LOGOUT_URL ?? null,
      idpEntityId: env.WK_IDP_ENTITY_ID!,
      idpCert: certificate('WK_IDP_CERT', env.WK_IDP_CERT!),
      spEntityId: env.WK_SP_ENTITY_ID,
      acsUrl,
      signingKey: privateKey('WK_SP_SIGNING_KEY', env.WK_SP_SIGNING_KEY!, signingCert),
      signingCert,
      encryptionKey: privateKey('WK_SP_ENCRYPTION_KEY', env.WK_SP_ENCRYPTION_KEY!, encryptionCert),
      encryptionCert,
      loa: env.WK_LOA,
      simulator: null,
    };
  } else if (env.WK_SIMULATOR) {
    const keys = simulatorKeys();
    cached = {
      ssoUrl: `${env.APP_URL}/dev/wk/sso`,
      artifactUrl: `${env.APP_URL}/dev/wk/artifact`,
      logoutUrl: null,
      idpEntityId: SIMULATOR_ENTITY_ID,
      idpCert: keys.node.cert,
      spEntityId: env.WK_SP_ENTITY_ID,
      acsUrl,
      signingKey: keys.signing.key,
      signingCert: keys.signing.cert,
      encryptionKey: keys.encryption.key,
      encryptionCert: keys.encryption.cert,
      loa: env.WK_LOA,
      simulator: { nodeKey: keys.node.key, nodeCert: keys.node.cert },
    };
  } else {
    cached = null;
  }
  return cached;
}
