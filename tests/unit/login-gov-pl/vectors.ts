// The real signed messages of login.gov.pl's integration environment, byte for byte as published in
// tenarjw/auth-sdk (wk/test/) and kept in ../shared/vectors/login-gov-pl (whose README lists the
// facts they establish); copied into vectors/ so the tests run on a fresh clone. Never reformat them:
// whitespace is signed. The certificate each was signed with is read from its own KeyInfo: those are
// the real signers, so the tests trust them the way the service trusts the configured node certificate.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const folder = path.join(import.meta.dirname, 'vectors');

export const readVector = (name: 'authn-request' | 'artifact-response' | 'logout-request'): string =>
  readFileSync(path.join(folder, `${name}.xml`), 'utf8');

export function keyInfoCertificate(xml: string): string {
  const body = /<ds:X509Certificate>([\s\S]+?)<\/ds:X509Certificate>/.exec(xml)?.[1];
  if (!body) throw new Error('no certificate in the vector');
  const compact = body.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${compact.replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

/** Replaces exactly one occurrence of a substring, failing the test set-up if it is not unique. */
export function replaceOnce(xml: string, from: string, to: string): string {
  const first = xml.indexOf(from);
  if (first < 0 || xml.indexOf(from, first + 1) >= 0) throw new Error(`expected exactly one ${from.slice(0, 60)}`);
  return xml.slice(0, first) + to + xml.slice(first + from.length);
}
