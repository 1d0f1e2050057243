import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import { WkRefusal } from '@/lib/login-gov-pl/refusal';
import { canonicalize, signEnveloped, verifyEnvelopedSignature } from '@/lib/login-gov-pl/signature';
import {
  NS,
  childElements,
  descendantsNamed,
  onlyChild,
  parseXml,
  serializeXml,
  textOf,
  type Document,
  type Element,
} from '@/lib/login-gov-pl/xml';
import { keyInfoCertificate, readVector, replaceOnce } from './vectors';

const authnRequest = readVector('authn-request');
const artifactResponse = readVector('artifact-response');
const logoutRequest = readVector('logout-request');
const serviceCert = keyInfoCertificate(authnRequest);
const nodeCert = keyInfoCertificate(artifactResponse);

function signedElements(doc: Document): { outer: Element; inner: Element } {
  const body = onlyChild(doc.documentElement!, NS.soap, 'Body');
  const outer = onlyChild(body, NS.saml2p, 'ArtifactResponse');
  return { outer, inner: onlyChild(outer, NS.saml2p, 'Response') };
}

/** Verifies both signatures of an artifact response, outer first, as the client does. */
function verifyArtifactResponse(xml: string, cert = nodeCert): void {
  const doc = parseXml(xml);
  const { outer, inner } = signedElements(doc);
  verifyEnvelopedSignature(doc, outer, cert);
  verifyEnvelopedSignature(doc, inner, cert);
}

function verifyRoot(xml: string, cert: string): void {
  const doc = parseXml(xml);
  verifyEnvelopedSignature(doc, doc.documentElement!, cert);
}

function verifyLogout(xml: string, cert = serviceCert): void {
  const doc = parseXml(xml);
  const body = onlyChild(doc.documentElement!, NS.soap, 'Body');
  verifyEnvelopedSignature(doc, onlyChild(body, NS.saml2p, 'LogoutRequest'), cert);
}

const namespaceOf = (prefix: string) => new RegExp(`xmlns:${prefix}="([^"]+)"`).exec(artifactResponse)![1]!;
const refusedAs = (reason: string) => expect.objectContaining({ reason });

describe('the real messages of login.gov.pl', () => {
  it('verify: the AuthnRequest, whitespace included, against the service certificate', () => {
    expect(() => verifyRoot(authnRequest, serviceCert)).not.toThrow();
  });

  it('verify: both nested signatures of the ArtifactResponse, the outer digest covering the inner signature', () => {
    expect(() => verifyArtifactResponse(artifactResponse)).not.toThrow();
  });

  it('verify: the SOAP-bound LogoutRequest', () => {
    expect(() => verifyLogout(logoutRequest)).not.toThrow();
  });

  it('canonicalise the inner Response with the prefix-list namespaces inherited from ArtifactResponse', () => {
    const { inner } = signedElements(parseXml(artifactResponse));
    const signature = childElements(inner)[1]!;
    expect(canonicalize(inner, ['ds', 'saml2', 'saml2p', 'xenc'], signature)).toMatch(
      /^<saml2p:Response xmlns:ds="[^"]+" xmlns:saml2="[^"]+" xmlns:saml2p="[^"]+" xmlns:xenc="[^"]+" ID=/,
    );
  });

  it('canonicalise the element in place and leave the document exactly as it was', () => {
    const doc = parseXml(artifactResponse);
    const before = serializeXml(doc);
    const { outer, inner } = signedElements(doc);
    const innerSignature = childElements(inner)[1]!;
    const canonical = canonicalize(inner, ['ds', 'saml2', 'saml2p', 'xenc'], innerSignature);
    expect(canonical).not.toContain('<ds:SignatureValue>'); // the enveloped signature is left out
    expect(serializeXml(doc)).toBe(before); // put back where it was; no declaration left behind
    expect(childElements(inner)[1]).toBe(innerSignature);
    expect(canonicalize(inner, ['ds', 'saml2', 'saml2p', 'xenc'], innerSignature)).toBe(canonical);
    verifyEnvelopedSignature(doc, outer, nodeCert);
    verifyEnvelopedSignature(doc, inner, nodeCert);
    expect(serializeXml(doc)).toBe(before);
  });

  it('fail with one changed letter or digit anywhere in a signed part', () => {
    // Every alphanumeric character of the ArtifactResponse (sampled), except the informative
    // KeyInfo certificates and namespace declarations, which exclusive C14N leaves out.
    const start = artifactResponse.indexOf('<saml2p:ArtifactResponse');
    const end = artifactResponse.indexOf('</soap:Body>');
    const unsigned: [number, number][] = [];
    for (const match of artifactResponse.matchAll(/<ds:X509Certificate>[^<]*<\/ds:X509Certificate>|xmlns(:[\w-]+)?="[^"]*"/g)) {
      unsigned.push([match.index, match.index + match[0].length]);
    }
    let tried = 0;
    for (let index = start; index < end; index += 3) {
      const char = artifactResponse[index]!;
      if (!/[A-Za-z0-9]/.test(char) || unsigned.some(([from, to]) => index >= from && index < to)) continue;
      const changed = /\d/.test(char)
        ? String((Number(char) + 1) % 10)
        : char === char.toLowerCase()
          ? char.toUpperCase()
          : char.toLowerCase();
      const tampered = artifactResponse.slice(0, index) + changed + artifactResponse.slice(index + 1);
      expect(() => verifyArtifactResponse(tampered), `offset ${index}`).toThrow(WkRefusal);
      tried++;
    }
    expect(tried).toBeGreaterThan(1500);
  });

  it('fail with one changed byte in the AuthnRequest or the LogoutRequest', () => {
    expect(() => verifyRoot(replaceOnce(authnRequest, 'ForceAuthn="true"', 'ForceAuthn="tRue"'), serviceCert)).toThrow(WkRefusal);
    expect(() => verifyRoot(replaceOnce(authnRequest, '<eidas:SPType>private', '<eidas:SPType>public!'), serviceCert)).toThrow(WkRefusal);
    expect(() => verifyRoot(replaceOnce(authnRequest, 'LoA/substantial', 'LoA/substantiaL'), serviceCert)).toThrow(WkRefusal);
    expect(() => verifyLogout(replaceOnce(logoutRequest, '80072118364', '80072118365'))).toThrowError(refusedAs('signature'));
  });

  it('fail when the whitespace of the AuthnRequest changes (whitespace is signed)', () => {
    expect(() =>
      verifyRoot(
        replaceOnce(authnRequest, '</saml2p:Extensions>\n<saml2p:NameIDPolicy', '</saml2p:Extensions>\n  <saml2p:NameIDPolicy'),
        serviceCert,
      ),
    ).toThrowError(refusedAs('signature'));
  });

  it('fail when the artifact response is re-indented', () => {
    const reindented = artifactResponse.replace(/></g, '>\n  <');
    expect(() => verifyArtifactResponse(reindented)).toThrowError(refusedAs('signature'));
  });

  it('fail against any other key, even though the message carries its own certificate', () => {
    const other = generateP256KeyPair('someone else').certificatePem;
    expect(() => verifyArtifactResponse(artifactResponse, other)).toThrowError(refusedAs('signature'));
    expect(() => verifyRoot(authnRequest, nodeCert)).toThrowError(refusedAs('signature'));
  });

  it('fail when a signature is removed', () => {
    const innerSignature = /<saml2p:Response [^>]*><saml2:Issuer>[^<]*<\/saml2:Issuer>(<ds:Signature[\s\S]*?<\/ds:Signature>)/.exec(
      artifactResponse,
    )![1]!;
    const withoutInner = replaceOnce(artifactResponse, innerSignature, '');
    const doc = parseXml(withoutInner);
    expect(() => verifyEnvelopedSignature(doc, signedElements(doc).inner, nodeCert)).toThrowError(refusedAs('signature'));
    // …and the outer signature, which covered the inner one, breaks too.
    expect(() => verifyEnvelopedSignature(doc, signedElements(doc).outer, nodeCert)).toThrowError(refusedAs('signature'));
  });

  it('fail when a comment is added inside a signed element (comments are not signed, but they are not read either)', () => {
    const commented = artifactResponse.replace(/<saml2p:Status><saml2p:StatusCode/g, '<saml2p:Status><!--x--><saml2p:StatusCode');
    // Exclusive C14N without comments drops it, so the signature still holds…
    expect(() => verifyArtifactResponse(commented)).not.toThrow();
    // …and a value split by a comment reads exactly as the signature saw it.
    const split = artifactResponse.replace(/<saml2:Issuer>int-podmiotyzewnetrzne/g, '<saml2:Issuer>int-podmioty<!-- -->zewnetrzne');
    expect(() => verifyArtifactResponse(split)).not.toThrow();
    const { outer, inner } = signedElements(parseXml(split));
    expect(textOf(childElements(outer)[0]!)).toBe('int-podmiotyzewnetrzne.login.gov.pl');
    expect(textOf(childElements(inner)[0]!)).toBe('int-podmiotyzewnetrzne.login.gov.pl');
  });
});

describe('signature wrapping is refused', () => {
  const response = /<saml2p:Response [\s\S]*<\/saml2p:Response>/.exec(artifactResponse)![0];

  it('a second, unsigned Response beside the signed one', () => {
    const copy = response.replace(/ID="ECC-ID-4e49[^"]*"/, 'ID="ECC-ID-forged"');
    const wrapped = replaceOnce(artifactResponse, '</saml2p:Response>', `</saml2p:Response>${copy}`);
    expect(() => verifyArtifactResponse(wrapped)).toThrow(WkRefusal);
  });

  it('a copy of the signed Response with the same ID elsewhere in the document', () => {
    const declared = response.replace(
      '<saml2p:Response ',
      `<saml2p:Response ${['saml2p', 'saml2', 'ds', 'xenc', 'xenc11', 'dsig11'].map((prefix) => `xmlns:${prefix}="${namespaceOf(prefix)}"`).join(' ')} `,
    );
    const wrapped = replaceOnce(artifactResponse, '<soap:Body>', `<soap:Header>${declared}</soap:Header><soap:Body>`);
    const doc = parseXml(wrapped);
    expect(() => verifyEnvelopedSignature(doc, signedElements(doc).inner, nodeCert)).toThrowError(refusedAs('signature'));
  });

  it('an unsigned Assertion inside the signed Response', () => {
    const assertion =
      '<saml2:Assertion ID="forged" Version="2.0"><saml2:Issuer>int-podmiotyzewnetrzne.login.gov.pl</saml2:Issuer></saml2:Assertion>';
    const wrapped = replaceOnce(artifactResponse, '<saml2:EncryptedAssertion>', `${assertion}<saml2:EncryptedAssertion>`);
    expect(() => verifyArtifactResponse(wrapped)).toThrowError(refusedAs('signature'));
  });

  it('a reference to another ID', () => {
    const wrapped = replaceOnce(artifactResponse, 'URI="#ECC-ID-4e49db42', 'URI="#ECC-ID-baabc609');
    const doc = parseXml(wrapped);
    expect(() => verifyEnvelopedSignature(doc, signedElements(doc).inner, nodeCert)).toThrowError(refusedAs('signature'));
  });

  it('a signature moved away from its place after Issuer', () => {
    const keys = generateP256KeyPair('node');
    const signed = signEnveloped(
      '<saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="r1"><saml2:Issuer>n</saml2:Issuer><saml2p:Status/></saml2p:Response>',
      'r1',
      keys.privateKeyPem,
      keys.certificatePem,
    );
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)![0];
    const moved = signed.replace(signature, '').replace('</saml2p:Response>', `${signature}</saml2p:Response>`);
    expect(() => verifyRoot(signed, keys.certificatePem)).not.toThrow();
    expect(() => verifyRoot(moved, keys.certificatePem)).toThrowError(refusedAs('signature'));
  });
});

describe('only the expected algorithms are accepted', () => {
  it('refuses another signature, digest or canonicalisation method', () => {
    const rsa = artifactResponse.replace(/xmldsig-more#ecdsa-sha256/g, 'xmldsig-more#rsa-sha256');
    expect(() => verifyArtifactResponse(rsa)).toThrowError(refusedAs('algorithm'));
    const sha1 = artifactResponse.replace(
      /<ds:DigestMethod Algorithm="http:\/\/www.w3.org\/2001\/04\/xmlenc#sha256"\/><ds:DigestValue>/g,
      '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/><ds:DigestValue>',
    );
    expect(() => verifyArtifactResponse(sha1)).toThrowError(refusedAs('algorithm'));
    const withComments = artifactResponse.replace(
      /<ds:CanonicalizationMethod Algorithm="http:\/\/www.w3.org\/2001\/10\/xml-exc-c14n#"/g,
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#WithComments"',
    );
    expect(() => verifyArtifactResponse(withComments)).toThrowError(refusedAs('algorithm'));
  });

  it('refuses an extra reference or transform', () => {
    const reference = /<ds:Reference URI="#ECC-ID-4e49[\s\S]*?<\/ds:Reference>/.exec(artifactResponse)![0];
    const twoReferences = replaceOnce(artifactResponse, reference, reference + reference);
    const doc = parseXml(twoReferences);
    expect(() => verifyEnvelopedSignature(doc, signedElements(doc).inner, nodeCert)).toThrowError(refusedAs('signature'));
    const transform = '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>';
    const doubled = artifactResponse.replace(transform, transform + transform);
    expect(() => verifyArtifactResponse(doubled)).toThrowError(refusedAs('signature'));
  });
});

describe('signEnveloped', () => {
  const keys = generateP256KeyPair('test node');
  const soap = [
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>',
    '<saml2p:ArtifactResponse xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" ID="outer" Version="2.0">',
    '<saml2:Issuer>node</saml2:Issuer><saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>',
    '<saml2p:Response ID="inner" Version="2.0"><saml2:Issuer>node</saml2:Issuer><saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status></saml2p:Response>',
    '</saml2p:ArtifactResponse></soap:Body></soap:Envelope>',
  ].join('');

  it('signs inner then outer in the node layout, and both verify', () => {
    const signed = signEnveloped(
      signEnveloped(soap, 'inner', keys.privateKeyPem, keys.certificatePem),
      'outer',
      keys.privateKeyPem,
      keys.certificatePem,
    );
    expect(() => verifyArtifactResponse(signed, keys.certificatePem)).not.toThrow();
    const { outer, inner } = signedElements(parseXml(signed));
    for (const element of [outer, inner]) {
      expect(
        childElements(element)
          .map((child) => child.localName)
          .slice(0, 3),
      ).toEqual(['Issuer', 'Signature', 'Status']);
    }
    expect(descendantsNamed(parseXml(signed), NS.excC14n, 'InclusiveNamespaces')[0]!.getAttribute('PrefixList')).toBe(
      'ds saml2 saml2p xenc',
    );
  });

  it('makes signatures that one changed byte breaks', () => {
    const signed = signEnveloped(
      signEnveloped(soap, 'inner', keys.privateKeyPem, keys.certificatePem),
      'outer',
      keys.privateKeyPem,
      keys.certificatePem,
    );
    expect(() =>
      verifyArtifactResponse(
        signed.replace(
          '<saml2:Issuer>node</saml2:Issuer><ds:Signature><ds:SignedInfo>',
          '<saml2:Issuer>nodf</saml2:Issuer><ds:Signature><ds:SignedInfo>',
        ),
        keys.certificatePem,
      ),
    ).toThrow(WkRefusal);
  });

  it('signs a document without a ds declaration, declaring ds on the signature itself', () => {
    const bare =
      '<saml2p:LogoutRequest xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" ID="l1" Version="2.0"><saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">sp</saml2:Issuer></saml2p:LogoutRequest>';
    const signed = signEnveloped(bare, 'l1', keys.privateKeyPem, keys.certificatePem, []);
    expect(signed).toContain('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">');
    expect(() => verifyRoot(signed, keys.certificatePem)).not.toThrow();
  });

  it('is verified with the key given, never with the certificate it embeds', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forged = signEnveloped(signEnveloped(soap, 'inner', privateKey, keys.certificatePem), 'outer', privateKey, keys.certificatePem);
    expect(() => verifyArtifactResponse(forged, keys.certificatePem)).toThrowError(refusedAs('signature'));
  });
});
