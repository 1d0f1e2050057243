// Safe XML parsing and strict element navigation. Everything the node sends passes through
// parseXml once; callers then walk fixed paths (child by child) instead of searching the document,
// so that a second, unsigned copy of an element elsewhere can never be the one that is read.
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';
import { refuse, type RefusalReason } from './refusal';

export type { Document, Element, Node } from '@xmldom/xmldom';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
  saml2p: 'urn:oasis:names:tc:SAML:2.0:protocol',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  dsig11: 'http://www.w3.org/2009/xmldsig11#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
  xenc11: 'http://www.w3.org/2009/xmlenc11#',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  eidas: 'http://eidas.europa.eu/saml-extensions',
  naturalperson: 'http://eidas.europa.eu/attributes/naturalperson',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

/** The node's messages are a few kilobytes; anything far larger is refused before parsing. */
export const DEFAULT_MAX_XML_BYTES = 256 * 1024;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const COMMENT_NODE = 8;

/**
 * Parses untrusted XML: size capped, DTDs and entity declarations refused before the parser sees
 * them (no XXE, no entity expansion), every parser warning or error a refusal, and no processing
 * instruction other than the XML declaration (xml-crypto's C14N would render one as text).
 */
export function parseXml(xml: string, maxBytes: number = DEFAULT_MAX_XML_BYTES): Document {
  if (typeof xml !== 'string' || xml.length === 0) refuse('malformed', 'empty document');
  if (xml.length > maxBytes || Buffer.byteLength(xml, 'utf8') > maxBytes) refuse('too_large');
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) refuse('doctype');
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level) => {
        throw new Error(`xml ${level}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch {
    return refuse('malformed', 'not well-formed XML');
  }
  if (!doc.documentElement) refuse('malformed', 'no root element');
  refuseUnexpectedNodes(doc);
  return doc;
}

function refuseUnexpectedNodes(doc: Document): void {
  const stack: Node[] = [];
  for (let child = doc.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === PROCESSING_INSTRUCTION_NODE) {
      if (child !== doc.firstChild || child.nodeName.toLowerCase() !== 'xml') refuse('malformed', 'processing instruction');
    } else stack.push(child);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE) refuse('malformed', 'processing instruction');
    if (isElement(node)) {
      for (let i = 0; i < node.attributes.length; i++) {
        const name = node.attributes.item(i)?.name ?? '';
        // xml-crypto's C14N skips every attribute whose name starts with "xmlns", so such an
        // attribute that is not a namespace declaration would be outside what is signed.
        if (name.startsWith('xmlns') && name !== 'xmlns' && !name.startsWith('xmlns:'))
          refuse('malformed', 'attribute named like a namespace');
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child);
  }
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function isNamed(element: Element, namespace: string, localName: string): boolean {
  return element.namespaceURI === namespace && element.localName === localName;
}

/** The element children of an element, in document order (text and comments skipped). */
export function childElements(parent: Element | Document): Element[] {
  const result: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) if (isElement(child)) result.push(child);
  return result;
}

/** An element's expected child, by namespace and local name. */
export type ElementName = readonly [namespace: string, localName: string];

/**
 * The element children, which must be exactly `names` in that order (the last `optionalTail` of
 * them may be missing), or a refusal with `reason`: anything unexpected is refused, not skipped.
 */
export function exactChildren(parent: Element, names: readonly ElementName[], reason: RefusalReason, optionalTail = 0): Element[] {
  const found = childElements(parent);
  const fits =
    found.length <= names.length &&
    found.length >= names.length - optionalTail &&
    found.every((child, i) => isNamed(child, names[i]![0], names[i]![1]));
  if (!fits) refuse(reason, `unexpected content in ${parent.localName}`);
  return found;
}

/** Exactly one child element with that name, or a refusal ('malformed'). */
export function onlyChild(parent: Element, namespace: string, localName: string): Element {
  const found = childElements(parent).filter((child) => isNamed(child, namespace, localName));
  if (found.length !== 1) refuse('malformed', `expected one ${localName} in ${parent.localName}`);
  return found[0]!;
}

/** At most one child element with that name. */
export function optionalChild(parent: Element, namespace: string, localName: string): Element | undefined {
  const found = childElements(parent).filter((child) => isNamed(child, namespace, localName));
  if (found.length > 1) refuse('malformed', `more than one ${localName} in ${parent.localName}`);
  return found[0];
}

export function childrenNamed(parent: Element, namespace: string, localName: string): Element[] {
  return childElements(parent).filter((child) => isNamed(child, namespace, localName));
}

/** Every descendant element with that name (for counting, never for choosing what to read). */
export function descendantsNamed(root: Element | Document, namespace: string, localName: string): Element[] {
  const result: Element[] = [];
  const list = root.getElementsByTagNameNS(namespace, localName);
  for (let i = 0; i < list.length; i++) {
    const element = list.item(i);
    if (element) result.push(element);
  }
  return result;
}

/**
 * The text of a leaf element exactly as exclusive C14N without comments sees it: every text and
 * CDATA child joined, comments dropped. A child element makes the value malformed, so that a
 * comment or an element can never split a value into a part that is read and a part that is not.
 */
export function textOf(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += (child as unknown as { data: string }).data;
    else if (child.nodeType !== COMMENT_NODE) refuse('malformed', `unexpected content in ${element.localName}`);
  }
  return text;
}

/** A required, non-empty attribute (no namespace). */
export function requiredAttribute(element: Element, name: string): string {
  const value = element.getAttribute(name);
  if (value === null || value === '') refuse('malformed', `missing ${name} on ${element.localName}`);
  return value;
}

export function optionalAttribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
}

/** Strict base64 (whitespace allowed between groups, as XML Signature writes it). */
export function decodeBase64(text: string, what: string): Buffer {
  const compact = text.replace(/[\s]+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    refuse('malformed', `${what} is not base64`);
  return Buffer.from(compact, 'base64');
}

export function serializeXml(node: Node | Document): string {
  return new XMLSerializer().serializeToString(node);
}

/** Escapes text for an XML attribute value or element content built as a string. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
