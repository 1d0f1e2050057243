import { describe, expect, it } from 'vitest';
import { canonicalize } from '@/lib/login-gov-pl/signature';
import { NS, decodeBase64, onlyChild, optionalChild, parseXml, textOf } from '@/lib/login-gov-pl/xml';

const refusedAs = (reason: string) => expect.objectContaining({ reason });

describe('parseXml', () => {
  it('parses a namespaced document', () => {
    const doc = parseXml(`<?xml version="1.0"?><saml2:Issuer xmlns:saml2="${NS.saml2}">node</saml2:Issuer>`);
    expect(doc.documentElement!.localName).toBe('Issuer');
  });

  it('refuses DTDs and entity declarations before parsing (no XXE, no billion laughs)', () => {
    expect(() => parseXml('<!DOCTYPE r SYSTEM "file:///etc/passwd"><r>&xxe;</r>')).toThrowError(refusedAs('doctype'));
    expect(() => parseXml('<!doctype r><r/>')).toThrowError(refusedAs('doctype'));
    expect(() => parseXml('<r><!ENTITY a "b"></r>')).toThrowError(refusedAs('doctype'));
  });

  it('refuses a body over the cap, counted in bytes', () => {
    expect(() => parseXml(`<r>${'a'.repeat(100)}</r>`, 100)).toThrowError(refusedAs('too_large'));
    expect(() => parseXml(`<r>${'ą'.repeat(40)}</r>`, 80)).toThrowError(refusedAs('too_large'));
    expect(() => parseXml(`<r>${'a'.repeat(257 * 1024)}</r>`)).toThrowError(refusedAs('too_large'));
  });

  it('turns parser errors and warnings into refusals', () => {
    for (const bad of ['', '<r>', '<r></s>', 'text', '<r a="1" a="2"/>', '<r>&unknown;</r>', '<p:r/>', '<r/><r/>']) {
      expect(() => parseXml(bad), bad).toThrowError(refusedAs('malformed'));
    }
  });

  it('refuses processing instructions other than the XML declaration', () => {
    expect(() => parseXml('<r><?php x?></r>')).toThrowError(refusedAs('malformed'));
    expect(() => parseXml('<?xml-stylesheet href="x"?><r/>')).toThrowError(refusedAs('malformed'));
  });
});

describe('textOf', () => {
  it('reads a value split by a comment as exclusive C14N without comments does', () => {
    const doc = parseXml('<r>4405<!-- x -->1401458</r>');
    expect(textOf(doc.documentElement!)).toBe('44051401458');
    expect(canonicalize(doc.documentElement!)).toBe('<r>44051401458</r>');
  });

  it('joins CDATA with text and refuses a child element', () => {
    expect(textOf(parseXml('<r>a<![CDATA[<b>]]>c</r>').documentElement!)).toBe('a<b>c');
    expect(() => textOf(parseXml('<r>a<b/>c</r>').documentElement!)).toThrowError(refusedAs('malformed'));
  });
});

describe('element helpers', () => {
  it('find exactly one child by namespace and local name, never a look-alike in another namespace', () => {
    const root = parseXml(`<r xmlns:a="${NS.saml2}" xmlns:b="urn:other"><b:Issuer/><a:Issuer>x</a:Issuer></r>`).documentElement!;
    expect(textOf(onlyChild(root, NS.saml2, 'Issuer'))).toBe('x');
    const twice = parseXml(`<r xmlns:a="${NS.saml2}"><a:Issuer/><a:Issuer/></r>`).documentElement!;
    expect(() => onlyChild(twice, NS.saml2, 'Issuer')).toThrowError(refusedAs('malformed'));
    expect(() => optionalChild(twice, NS.saml2, 'Issuer')).toThrowError(refusedAs('malformed'));
  });
});

describe('decodeBase64', () => {
  it('accepts line-wrapped base64 and refuses anything else', () => {
    expect(decodeBase64('AAEC\nAw==', 'x')).toEqual(Buffer.from([0, 1, 2, 3]));
    for (const bad of ['', 'AAE', 'AA-_', 'AA==AA==', 'A!=='])
      expect(() => decodeBase64(bad, 'x'), bad).toThrowError(refusedAs('malformed'));
  });
});
