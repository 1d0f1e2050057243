// Enveloped XML signatures exactly as the node makes them (ECDSA P-256, SHA-256, exclusive C14N),
// and nothing else: every algorithm, reference and position is fixed, so an answer shaped any other
// way is refused instead of interpreted. xml-crypto is used only for exclusive canonicalisation,
// because its signature code knows no ECDSA.
import { createHash, timingSafeEqual, type KeyObject } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { ecdsaP256Sign, ecdsaP256Verify, p256PrivateKey, p256PublicKey } from './crypto';
import { refuse } from './refusal';
import {
  NS,
  childElements,
  exactChildren,
  decodeBase64,
  isElement,
  isNamed,
  parseXml,
  requiredAttribute,
  serializeXml,
  textOf,
  type Document,
  type Element,
  type ElementName,
} from './xml';

const ALGORITHMS = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
} as const;

/** The prefix list the node and its services put on the reference's exclusive C14N transform. */
export const NODE_PREFIX_LIST: readonly string[] = ['ds', 'saml2', 'saml2p', 'xenc'];

const ID_ATTRIBUTES = new Set(['ID', 'Id', 'id']);

/**
 * Exclusive XML canonicalisation without comments of one element, as if it were still in its
 * document: prefixes of the inclusive list that an ancestor declares are carried onto it.
 * `omit` is a child left out — the enveloped-signature transform. The element itself is
 * canonicalised, not a copy (a deep copy of a signed Response cost more than the
 * canonicalisation): for the moment of it, `omit` is taken out and xml-crypto sets the carried
 * declarations on the element; both are undone before this returns, however it returns.
 */
export function canonicalize(element: Element, prefixList: readonly string[] = [], omit?: Element): string {
  const ancestorNamespaces: { prefix: string; namespaceURI: string }[] = [];
  const declaredHere = new Set<string>();
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i);
    if (attribute?.prefix === 'xmlns') declaredHere.add(attribute.localName ?? '');
  }
  for (const prefix of prefixList) {
    if (declaredHere.has(prefix)) continue;
    const namespaceURI = inheritedNamespace(element, prefix);
    if (namespaceURI) ancestorNamespaces.push({ prefix, namespaceURI });
  }
  if (omit && omit.parentNode !== element) throw new Error('omitted child not found');
  const omittedBefore = omit?.nextSibling ?? null;
  if (omit) element.removeChild(omit);
  try {
    // xml-crypto types its input as the DOM's Node; @xmldom/xmldom's nodes have the same shape.
    return new ExclusiveCanonicalization().process(element as unknown as globalThis.Element, {
      inclusiveNamespacesPrefixList: [...prefixList],
      ancestorNamespaces,
    });
  } catch {
    // A node xml-crypto cannot render (none is known after parseXml): a refusal, never a crash.
    return refuse('malformed', 'cannot canonicalise');
  } finally {
    for (const { prefix } of ancestorNamespaces) element.removeAttributeNS(NS.xmlns, prefix);
    if (omit) element.insertBefore(omit, omittedBefore);
  }
}

function inheritedNamespace(element: Element, prefix: string): string | undefined {
  for (let node = element.parentNode; node && isElement(node); node = node.parentNode) {
    const value = node.getAttributeNS(NS.xmlns, prefix);
    if (value !== null && node.hasAttributeNS(NS.xmlns, prefix)) return value;
  }
  return undefined;
}

/** Refuses (as 'signature') unless the element is exactly signed by the trusted key. */
export function verifyEnvelopedSignature(doc: Document, element: Element, trustedKey: string | KeyObject): void {
  const publicKey = p256PublicKey(trustedKey);
  const id = element.getAttribute('ID');
  if (!id) refuse('signature', `${element.localName} has no ID`);
  // Signature wrapping: the reference must resolve to this element and to nothing else.
  if (countIdOccurrences(doc, id) !== 1) refuse('signature', 'ID is not unique');

  const children = childElements(element);
  const signatures = children.filter((child) => isNamed(child, NS.ds, 'Signature'));
  if (signatures.length === 0) refuse('signature', `${element.localName} is not signed`);
  if (signatures.length > 1) refuse('signature', 'more than one signature');
  const signature = signatures[0]!;
  if (!children[0] || !isNamed(children[0], NS.saml2, 'Issuer') || children[1] !== signature) {
    refuse('signature', 'signature is not right after Issuer');
  }

  const { signedInfo, signatureValue, reference } = readSignatureStructure(signature);
  if (requiredAttribute(reference.element, 'URI') !== `#${id}`) refuse('signature', 'reference points elsewhere');

  const digest = createHash('sha256')
    .update(canonicalize(element, reference.prefixList, signature), 'utf8')
    .digest();
  if (reference.digest.length !== digest.length || !timingSafeEqual(reference.digest, digest)) refuse('signature', 'digest mismatch');

  const canonicalSignedInfo = Buffer.from(canonicalize(signedInfo), 'utf8');
  if (!ecdsaP256Verify(publicKey, canonicalSignedInfo, signatureValue)) refuse('signature', 'signature value does not verify');
}

function countIdOccurrences(doc: Document, id: string): number {
  let count = 0;
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i);
      if (attribute && ID_ATTRIBUTES.has(attribute.localName ?? attribute.name) && attribute.value === id) count++;
    }
    stack.push(...childElements(element));
  }
  return count;
}

interface SignatureParts {
  signedInfo: Element;
  signatureValue: Buffer;
  reference: { element: Element; prefixList: string[]; digest: Buffer };
}

const expectChildren = (parent: Element, names: readonly ElementName[], optionalTail = 0) =>
  exactChildren(parent, names, 'signature', optionalTail);

function expectAlgorithm(element: Element, algorithm: string): void {
  if (element.getAttribute('Algorithm') !== algorithm) refuse('algorithm', `${element.localName} is not ${algorithm}`);
}

function readSignatureStructure(signature: Element): SignatureParts {
  const [signedInfo, signatureValueElement] = expectChildren(
    signature,
    [
      [NS.ds, 'SignedInfo'],
      [NS.ds, 'SignatureValue'],
      [NS.ds, 'KeyInfo'],
    ],
    1,
  ) as [Element, Element];
  const [c14nMethod, signatureMethod, referenceElement] = expectChildren(signedInfo, [
    [NS.ds, 'CanonicalizationMethod'],
    [NS.ds, 'SignatureMethod'],
    [NS.ds, 'Reference'],
  ]) as [Element, Element, Element];
  expectAlgorithm(c14nMethod, ALGORITHMS.excC14n);
  expectChildren(c14nMethod, []);
  expectAlgorithm(signatureMethod, ALGORITHMS.ecdsaSha256);
  expectChildren(signatureMethod, []);

  const [transforms, digestMethod, digestValue] = expectChildren(referenceElement, [
    [NS.ds, 'Transforms'],
    [NS.ds, 'DigestMethod'],
    [NS.ds, 'DigestValue'],
  ]) as [Element, Element, Element];
  const [enveloped, excC14n] = expectChildren(transforms, [
    [NS.ds, 'Transform'],
    [NS.ds, 'Transform'],
  ]) as [Element, Element];
  expectAlgorithm(enveloped, ALGORITHMS.envelopedSignature);
  expectChildren(enveloped, []);
  expectAlgorithm(excC14n, ALGORITHMS.excC14n);
  const inclusive = expectChildren(excC14n, [[NS.excC14n, 'InclusiveNamespaces']], 1)[0];
  const prefixList = inclusive ? (inclusive.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean) : [];
  // '#default' would pull in the default namespace; the node never uses it, so it is not expected.
  if (prefixList.some((prefix) => !/^[A-Za-z_][\w.-]*$/.test(prefix))) refuse('signature', 'unexpected prefix list');
  expectAlgorithm(digestMethod, ALGORITHMS.sha256);
  expectChildren(digestMethod, []);

  const digest = decodeBase64(textOf(digestValue), 'DigestValue');
  if (digest.length !== 32) refuse('signature', 'digest length');
  const signatureValue = decodeBase64(textOf(signatureValueElement), 'SignatureValue');
  if (signatureValue.length !== 64) refuse('signature', 'signature value is not raw r‖s');
  return { signedInfo, signatureValue, reference: { element: referenceElement, prefixList, digest } };
}

function findById(doc: Document, id: string): Element {
  const matches: Element[] = [];
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.getAttribute('ID') === id) matches.push(element);
    stack.push(...childElements(element));
  }
  if (matches.length !== 1) throw new Error(`expected one element with ID ${id}`);
  return matches[0]!;
}

/** The certificate's base64 body, as ds:X509Certificate carries it. */
export function certificateBody(certPem: string): string {
  const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(certPem);
  if (!match) throw new Error('not a PEM certificate');
  return match[1]!.replace(/\s+/g, '');
}

/**
 * Signs the element with that ID as the node and the vector AuthnRequest do: an enveloped
 * ds:Signature inserted right after the element's saml2:Issuer, compact (no whitespace), with
 * the certificate in KeyInfo for information. Elements are signed one at a time, inner first,
 * so that an outer signature covers an inner one.
 */
export function signEnveloped(
  xml: string,
  elementId: string,
  privateKeyPem: string | KeyObject,
  certPem: string,
  prefixList: readonly string[] = NODE_PREFIX_LIST,
): string {
  const privateKey = p256PrivateKey(privateKeyPem);
  const doc = parseXml(xml, Number.MAX_SAFE_INTEGER);
  const element = findById(doc, elementId);
  const issuer = childElements(element)[0];
  if (!issuer || !isNamed(issuer, NS.saml2, 'Issuer')) throw new Error('the signed element must start with saml2:Issuer');
  if (childElements(element).some((child) => isNamed(child, NS.ds, 'Signature'))) throw new Error('already signed');

  const digest = createHash('sha256').update(canonicalize(element, prefixList), 'utf8').digest('base64');
  const ds = (name: string, attributes: Record<string, string> = {}, ...children: (Element | string)[]): Element => {
    const created = doc.createElementNS(NS.ds, `ds:${name}`);
    for (const [key, value] of Object.entries(attributes)) created.setAttribute(key, value);
    for (const child of children) created.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
    return created;
  };
  const inclusive = doc.createElementNS(NS.excC14n, 'InclusiveNamespaces');
  inclusive.setAttribute('PrefixList', prefixList.join(' '));
  const excTransform = ds('Transform', { Algorithm: ALGORITHMS.excC14n });
  if (prefixList.length > 0) excTransform.appendChild(inclusive);
  const signedInfo = ds(
    'SignedInfo',
    {},
    ds('CanonicalizationMethod', { Algorithm: ALGORITHMS.excC14n }),
    ds('SignatureMethod', { Algorithm: ALGORITHMS.ecdsaSha256 }),
    ds(
      'Reference',
      { URI: `#${elementId}` },
      ds('Transforms', {}, ds('Transform', { Algorithm: ALGORITHMS.envelopedSignature }), excTransform),
      ds('DigestMethod', { Algorithm: ALGORITHMS.sha256 }),
      ds('DigestValue', {}, digest),
    ),
  );
  const signatureValue = ds('SignatureValue');
  const signature = ds(
    'Signature',
    {},
    signedInfo,
    signatureValue,
    ds('KeyInfo', {}, ds('X509Data', {}, ds('X509Certificate', {}, certificateBody(certPem)))),
  );
  element.insertBefore(signature, issuer.nextSibling);
  const value = ecdsaP256Sign(privateKey, Buffer.from(canonicalize(signedInfo), 'utf8'));
  signatureValue.appendChild(doc.createTextNode(value.toString('base64')));
  return serializeXml(doc);
}
