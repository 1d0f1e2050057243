// login.gov.pl's configuration: all of the required WK_* or none, never the simulator in
// production, keys and certificates as PEM text or a path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadEnv } from '@/lib/env';
import { readPem } from '@/lib/wk/config';

const REQUIRED = {
  WK_SSO_URL: 'https://int.login.gov.pl/sso',
  WK_ARTIFACT_URL: 'https://int.login.gov.pl/artifact',
  WK_IDP_ENTITY_ID: 'https://int.login.gov.pl',
  WK_IDP_CERT: '/etc/wk/node.crt',
  WK_SP_SIGNING_KEY: '/etc/wk/sp-signing.key',
  WK_SP_SIGNING_CERT: '/etc/wk/sp-signing.crt',
  WK_SP_ENCRYPTION_KEY: '/etc/wk/sp-encryption.key',
  WK_SP_ENCRYPTION_CERT: '/etc/wk/sp-encryption.crt',
};

describe('WK_* configuration', () => {
  it('takes all of the required variables, and names each one missing when only some are set', () => {
    expect(loadEnv({ ...REQUIRED, NODE_ENV: 'test' }).WK_SSO_URL).toBe(REQUIRED.WK_SSO_URL);
    const { WK_IDP_CERT: _cert, WK_SP_ENCRYPTION_KEY: _key, ...partial } = REQUIRED;
    expect(() => loadEnv({ ...partial, NODE_ENV: 'test' })).toThrow(ConfigurationError);
    expect(() => loadEnv({ ...partial, NODE_ENV: 'test' })).toThrow(/WK_IDP_CERT.*WK_SP_ENCRYPTION_KEY|WK_SP_ENCRYPTION_KEY.*WK_IDP_CERT/);
  });

  it('defaults the entity ID to APP_URL and the level of assurance to substantial; refuses an unknown level', () => {
    const env = loadEnv({ ...REQUIRED, NODE_ENV: 'test', APP_URL: 'https://rejestracja.example.pl/' });
    expect([env.WK_SP_ENTITY_ID, env.WK_LOA]).toEqual(['https://rejestracja.example.pl', 'substantial']);
    expect(() => loadEnv({ ...REQUIRED, NODE_ENV: 'test', WK_LOA: 'medium' })).toThrow(ConfigurationError);
  });

  it('runs the simulator in development without WK_*, never with them and never in production', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).WK_SIMULATOR).toBe(true);
    expect(loadEnv({ NODE_ENV: 'development', WK_SIMULATOR: '0' }).WK_SIMULATOR).toBe(false);
    expect(loadEnv({ ...REQUIRED, NODE_ENV: 'development' }).WK_SIMULATOR).toBe(false);
    const production = { NODE_ENV: 'production' as const, AUTH_SECRET: 'x'.repeat(40) };
    expect(loadEnv(production).WK_SIMULATOR).toBe(false);
    expect(() => loadEnv({ ...production, WK_SIMULATOR: '1' })).toThrow(/WK_SIMULATOR/);
  });
});

describe('readPem', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('takes PEM text as given (with \\n written as two characters, as some environment files have it)', () => {
    expect(readPem('WK_IDP_CERT', pem)).toBe(pem);
    expect(readPem('WK_IDP_CERT', pem.replace(/\n/g, '\\n'))).toBe(pem);
  });

  it('reads a path, and names the variable when the file is not there', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wk-')), 'node.crt');
    writeFileSync(file, pem);
    expect(readPem('WK_IDP_CERT', file)).toBe(pem);
    expect(() => readPem('WK_IDP_CERT', `${file}.missing`)).toThrow(/WK_IDP_CERT/);
  });
});
