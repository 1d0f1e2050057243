import { describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import {
  buildArtifactResolve,
  buildAuthnRequest,
  buildLogoutRequest,
  encodeSamlRequest,
  readArtifact,
  spMetadata,
} from '@/lib/login-gov-pl/messages';
import { createArtifact, readArtifactResolve, readAuthnRequest } from '@/lib/login-gov-pl/simulated-node';
import { verifyEnvelopedSignature } from '@/lib/login-gov-pl/signature';
import { NS, childElements, descendantsNamed, onlyChild, parseXml, textOf, type Element } from '@/lib/login-gov-pl/xml';
import { readVector } from './vectors';

const sp = generateP256KeyPair('service signing');
const refusedAs = (reason: string) => expect.objectContaining({ reason });

/** Element names (namespace + local name) and attribute names, depth first; the message's shape. */
function shape(element: Element, depth = 0): string[] {
  const attributes: string[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes.push(attribute.name);
  }
  const line = `${'  '.repeat(depth)}{${element.namespaceURI}}${element.localName} ${attributes.sort().join(' ')}`.trimEnd();
  return [line, ...childElements(element).flatMap((child) => shape(child, depth + 1))];
}

const attributeNames = (element: Element) =>
  descendantsNamed(element, NS.eidas, 'RequestedAttribute').map((a) => `${a.getAttribute('FriendlyName')} ${a.getAttribute('Name')}`);

describe('buildAuthnRequest', () => {
  const xml = buildAuthnRequest({
    id: 'ID-0b0a1e34-4b9f-4a38-9f8e-2a3c1d0e9f11',
    issueInstant: new Date('2026-03-01T10:00:00.250Z'),
    destination: 'https://symulator.login.gov.pl/login/SingleSignOnService',
    acsUrl: 'https://rejestracja.example/api/wk/acs',
    spEntityId: 'https://rejestracja.example',
    loa: 'substantial',
    providerName: 'E-Rejestracja',
    signingKeyPem: sp.privateKeyPem,
    signingCertPem: sp.certificatePem,
  });
  const ours = parseXml(xml).documentElement!;
  const real = parseXml(readVector('authn-request')).documentElement!;

  it('has the shape of the real AuthnRequest: the same elements, attributes and order, signature after Issuer', () => {
    expect(shape(ours)).toEqual(shape(real));
  });

  it('asks for the same four eIDAS attributes, HTTP-Artifact, ForceAuthn and LoA minimum', () => {
    expect(attributeNames(ours)).toEqual(attributeNames(real));
    for (const name of ['ProtocolBinding', 'ForceAuthn']) expect(ours.getAttribute(name)).toBe(real.getAttribute(name));
    const context = (root: Element) => onlyChild(root, NS.saml2p, 'RequestedAuthnContext');
    expect(context(ours).getAttribute('Comparison')).toBe('minimum');
    expect(textOf(onlyChild(context(ours), NS.saml2, 'AuthnContextClassRef'))).toBe(
      textOf(onlyChild(context(real), NS.saml2, 'AuthnContextClassRef')),
    );
  });

  it('says the service is public (a hospital), where the real one was private', () => {
    const spType = (root: Element) => textOf(descendantsNamed(root, NS.eidas, 'SPType')[0]!);
    expect(spType(ours)).toBe('public');
    expect(spType(real)).toBe('private');
  });

  it('writes the instant without milliseconds and is signed by the service key, as the node reads it', () => {
    expect(ours.getAttribute('IssueInstant')).toBe('2026-03-01T10:00:00Z');
    expect(readAuthnRequest(xml, sp.certificatePem)).toEqual({
      id: 'ID-0b0a1e34-4b9f-4a38-9f8e-2a3c1d0e9f11',
      issuer: 'https://rejestracja.example',
      acsUrl: 'https://rejestracja.example/api/wk/acs',
      destination: 'https://symulator.login.gov.pl/login/SingleSignOnService',
      loa: 'substantial',
    });
    expect(() => readAuthnRequest(xml.replace('ForceAuthn="true"', 'ForceAuthn="false"'), sp.certificatePem)).toThrowError(
      refusedAs('signature'),
    );
    expect(Buffer.from(encodeSamlRequest(xml), 'base64').toString('utf8')).toBe(xml);
  });

  it('asks for the level it is configured with', () => {
    const high = buildAuthnRequest({
      id: 'ID-1',
      issueInstant: new Date(),
      destination: 'https://node.example/sso',
      acsUrl: 'https://sp.example/acs',
      spEntityId: 'https://sp.example',
      loa: 'high',
      signingKeyPem: sp.privateKeyPem,
      signingCertPem: sp.certificatePem,
    });
    expect(readAuthnRequest(high).loa).toBe('high');
  });

  it('refuses an ID that is not an xsd:ID and escapes configured values', () => {
    const base = {
      issueInstant: new Date(),
      destination: 'https://node.example/sso',
      acsUrl: 'https://sp.example/acs?a=1&b=2',
      spEntityId: 'https://sp.example',
      loa: 'low' as const,
      signingKeyPem: sp.privateKeyPem,
      signingCertPem: sp.certificatePem,
    };
    expect(() => buildAuthnRequest({ ...base, id: '1abc' })).toThrow();
    expect(() => buildAuthnRequest({ ...base, id: 'ID-1" Injected="x' })).toThrow();
    expect(readAuthnRequest(buildAuthnRequest({ ...base, id: 'ID-2' })).acsUrl).toBe('https://sp.example/acs?a=1&b=2');
  });
});

describe('buildArtifactResolve', () => {
  const artifact = createArtifact('symulator.login.gov.pl');

  it('is a SOAP envelope holding an ArtifactResolve signed by the service, Signature right after Issuer', () => {
    const xml = buildArtifactResolve({
      id: 'ID-resolve-1',
      issueInstant: new Date('2026-03-01T10:00:05Z'),
      destination: 'https://symulator.login.gov.pl/login-services/idpArtifactResolutionService',
      spEntityId: 'https://rejestracja.example',
      artifact,
      signingKeyPem: sp.privateKeyPem,
      signingCertPem: sp.certificatePem,
    });
    expect(readArtifactResolve(xml, sp.certificatePem)).toEqual({ id: 'ID-resolve-1', issuer: 'https://rejestracja.example', artifact });
    const resolve = childElements(onlyChild(parseXml(xml).documentElement!, NS.soap, 'Body'))[0]!;
    expect(childElements(resolve).map((child) => child.localName)).toEqual(['Issuer', 'Signature', 'Artifact']);
  });

  it('accepts only type-0004 artifacts', () => {
    expect(readArtifact(artifact)).toMatchObject({ endpointIndex: 0 });
    expect(readArtifact(artifact).sourceId).toHaveLength(20);
    expect(() => readArtifact(Buffer.alloc(44).toString('base64'))).toThrowError(refusedAs('malformed'));
    expect(() => readArtifact('not base64!')).toThrowError(refusedAs('malformed'));
    expect(() => readArtifact('A'.repeat(400))).toThrowError(refusedAs('malformed'));
  });
});

describe('buildLogoutRequest', () => {
  it('has the shape of the real SOAP LogoutRequest and verifies', () => {
    const xml = buildLogoutRequest({
      id: 'ID-logout-1',
      issueInstant: new Date('2026-03-01T11:00:00Z'),
      destination: 'https://symulator.login.gov.pl/login-services/singleLogoutService',
      spEntityId: 'https://rejestracja.example',
      nameId: '44051401458',
      sessionIndex: 'ID-session-1',
      signingKeyPem: sp.privateKeyPem,
      signingCertPem: sp.certificatePem,
    });
    const logoutOf = (text: string) => {
      const doc = parseXml(text);
      return { doc, element: onlyChild(onlyChild(doc.documentElement!, NS.soap, 'Body'), NS.saml2p, 'LogoutRequest') };
    };
    const ours = logoutOf(xml);
    expect(shape(ours.element)).toEqual(shape(logoutOf(readVector('logout-request')).element));
    expect(() => verifyEnvelopedSignature(ours.doc, ours.element, sp.certificatePem)).not.toThrow();
  });
});

describe('spMetadata', () => {
  it('describes the entity, the Artifact ACS and both keys', () => {
    const encryption = generateP256KeyPair('service encryption');
    const xml = spMetadata({
      entityId: 'https://rejestracja.example',
      acsUrl: 'https://rejestracja.example/api/wk/acs',
      signingCertPem: sp.certificatePem,
      encryptionCertPem: encryption.certificatePem,
    });
    const root = parseXml(xml).documentElement!;
    expect(root.getAttribute('entityID')).toBe('https://rejestracja.example');
    const descriptor = onlyChild(root, NS.md, 'SPSSODescriptor');
    expect(descriptor.getAttribute('AuthnRequestsSigned')).toBe('true');
    const acs = onlyChild(descriptor, NS.md, 'AssertionConsumerService');
    expect(acs.getAttribute('Binding')).toBe('urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact');
    expect(acs.getAttribute('Location')).toBe('https://rejestracja.example/api/wk/acs');
    const keys = descendantsNamed(descriptor, NS.md, 'KeyDescriptor').map((key) => [
      key.getAttribute('use'),
      textOf(descendantsNamed(key, NS.ds, 'X509Certificate')[0]!),
    ]);
    const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
    expect(keys).toEqual([
      ['signing', body(sp.certificatePem)],
      ['encryption', body(encryption.certificatePem)],
    ]);
  });
});
