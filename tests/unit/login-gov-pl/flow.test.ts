// The whole exchange against the simulated node, then every hostile answer the client must refuse.
import { describe, expect, it } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl/certificate';
import { encryptAssertion } from '@/lib/login-gov-pl/encryption';
import { readArtifactResponse, type ReadArtifactResponseOptions } from '@/lib/login-gov-pl/artifact-response';
import { buildArtifactResolve, buildAuthnRequest, STATUS } from '@/lib/login-gov-pl/messages';
import { WkRefusal } from '@/lib/login-gov-pl/refusal';
import {
  buildSimulatedAssertion,
  createArtifact,
  readArtifactResolve,
  readAuthnRequest,
  simulateArtifactResponse,
  type SimulatedAnswerOptions,
} from '@/lib/login-gov-pl/simulated-node';
import { keyInfoCertificate, readVector } from './vectors';

const NODE = 'symulator.login.gov.pl';
const SP = 'https://rejestracja.example';
const ACS = 'https://rejestracja.example/api/wk/acs';
const node = generateP256KeyPair('WK_SIG_EC simulated');
const spSigning = generateP256KeyPair('service signing');
const spEncryption = generateP256KeyPair('service encryption');
const now = new Date('2026-03-01T10:00:00Z');
const person = { pesel: '44051401458', firstName: 'jan', lastName: 'kowalski', birthDate: '1944-05-14' };

const answerOptions: SimulatedAnswerOptions = {
  nodeEntityId: NODE,
  nodeSigningKeyPem: node.privateKeyPem,
  nodeSigningCertPem: node.certificatePem,
  spEntityId: SP,
  acsUrl: ACS,
  spEncryptionCertPem: spEncryption.certificatePem,
  requestId: 'ID-request-1',
  artifactResolveId: 'ID-resolve-1',
  person,
  now,
};
const readOptions: ReadArtifactResponseOptions = {
  idpCert: node.certificatePem,
  idpEntityId: NODE,
  spEntityId: SP,
  acsUrl: ACS,
  spEncryptionKeyPem: spEncryption.privateKeyPem,
  expectedRequestId: 'ID-request-1',
  artifactResolveId: 'ID-resolve-1',
  now: new Date(now.getTime() + 5_000),
};
const answer = (overrides: Partial<SimulatedAnswerOptions> = {}) => simulateArtifactResponse({ ...answerOptions, ...overrides });
const read = (xml: string, overrides: Partial<ReadArtifactResponseOptions> = {}) =>
  readArtifactResponse(xml, { ...readOptions, ...overrides });

/** Runs the read and returns the refusal's reason, checking it carries none of the person's data. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WkRefusal);
    const message = (error as WkRefusal).message;
    for (const value of Object.values(person)) expect(message).not.toContain(value);
    return (error as WkRefusal).reason;
  }
  throw new Error('expected a refusal');
}

describe('sign-in through the simulated node', () => {
  it('builds the AuthnRequest, resolves the artifact and reads the person from the answer', () => {
    const authnRequest = buildAuthnRequest({
      id: 'ID-request-1',
      issueInstant: now,
      destination: 'https://symulator.login.gov.pl/login/SingleSignOnService',
      acsUrl: ACS,
      spEntityId: SP,
      loa: 'substantial',
      signingKeyPem: spSigning.privateKeyPem,
      signingCertPem: spSigning.certificatePem,
    });
    const received = readAuthnRequest(authnRequest, spSigning.certificatePem);
    const artifact = createArtifact(NODE);
    const resolve = buildArtifactResolve({
      id: 'ID-resolve-1',
      issueInstant: now,
      destination: 'https://symulator.login.gov.pl/login-services/idpArtifactResolutionService',
      spEntityId: SP,
      artifact,
      signingKeyPem: spSigning.privateKeyPem,
      signingCertPem: spSigning.certificatePem,
    });
    const resolved = readArtifactResolve(resolve, spSigning.certificatePem);
    expect(resolved.artifact).toBe(artifact);
    const soap = answer({
      requestId: received.id,
      acsUrl: received.acsUrl,
      spEntityId: received.issuer,
      artifactResolveId: resolved.id,
      loa: received.loa,
    });

    const identity = read(soap, { minimumLoa: 'substantial' });
    expect(identity).toMatchObject({
      requestId: 'ID-request-1',
      pesel: '44051401458',
      firstName: 'jan',
      lastName: 'kowalski',
      birthDate: '1944-05-14',
      loa: 'substantial',
      authenticatingAuthority: 'mObywatel',
      nameId: '44051401458',
      notOnOrAfter: new Date(now.getTime() + 30 * 60_000),
    });
    expect(identity.assertionId).toMatch(/^ID-/);
    expect(identity.responseId).toMatch(/^ID-/);
  });

  it('accepts the answer within the clock skew at both ends of its validity', () => {
    const soap = answer();
    expect(() => read(soap, { now: new Date(now.getTime() - 30_000) })).not.toThrow();
    expect(() => read(soap, { now: new Date(now.getTime() + 30 * 60_000 + 30_000) })).not.toThrow();
  });

  it('makes the answer in the layout of the real one: Issuer, Signature, Status, Response / EncryptedAssertion', () => {
    const soap = answer();
    expect(soap).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?>\n<soap:Envelope [^>]*><soap:Body><saml2p:ArtifactResponse /);
    expect(soap).toMatch(/<\/saml2:Issuer><ds:Signature>[\s\S]*<\/ds:Signature><saml2p:Status>[\s\S]*<saml2p:Response /);
    expect(soap).toMatch(
      /<saml2p:Response [^>]*><saml2:Issuer>[^<]*<\/saml2:Issuer><ds:Signature>[\s\S]*<\/ds:Signature><saml2p:Status>[\s\S]*<\/saml2p:Status><saml2:EncryptedAssertion>/,
    );
  });
});

describe('the real ArtifactResponse of the integration environment', () => {
  const vector = readVector('artifact-response');
  const vectorOptions: ReadArtifactResponseOptions = {
    idpCert: keyInfoCertificate(vector),
    idpEntityId: 'int-podmiotyzewnetrzne.login.gov.pl',
    spEntityId: 'e-talar.com',
    acsUrl: 'https://api.e-talar.com/v2/et/acs',
    spEncryptionKeyPem: spEncryption.privateKeyPem,
    // It answers the real AuthnRequest vector, and an ArtifactResolve not included.
    expectedRequestId: 'ID-72a54a08-0a3d-4ab7-a26e-4e3cf83cfe54',
    artifactResolveId: 'ID-dac90bfd-280a-4997-b5bf-4646432428c3',
    now: new Date('2025-11-24T06:04:05Z'),
  };

  it('passes both signatures, issuers, statuses and InResponseTo, and stops only at decryption (we lack its key)', () => {
    expect(refusal(() => readArtifactResponse(vector, vectorOptions))).toBe('decryption');
  });

  it('is refused for another issuer, another request, or another node key', () => {
    expect(refusal(() => readArtifactResponse(vector, { ...vectorOptions, idpEntityId: 'login.gov.pl' }))).toBe('issuer');
    expect(refusal(() => readArtifactResponse(vector, { ...vectorOptions, expectedRequestId: 'ID-other' }))).toBe('in_response_to');
    expect(refusal(() => readArtifactResponse(vector, { ...vectorOptions, artifactResolveId: 'ID-other' }))).toBe('in_response_to');
    expect(refusal(() => readArtifactResponse(vector, { ...vectorOptions, idpCert: node.certificatePem }))).toBe('signature');
  });
});

describe('values inside the signed and encrypted assertion', () => {
  it('are read without comments, as canonicalisation sees them', () => {
    const split = answer({ transformAssertion: (xml) => xml.replace(/>44051401458</g, '>4405<!--x-->1401458<') });
    expect(read(split)).toMatchObject({ pesel: '44051401458', nameId: '44051401458' });
  });

  it('are refused when an element hides inside a value', () => {
    const nested = answer({ transformAssertion: (xml) => xml.replace('<saml2:AttributeValue>jan<', '<saml2:AttributeValue>jan<b>x</b><') });
    expect(refusal(() => read(nested))).toBe('malformed');
  });

  it('are refused when an attribute is missing or given twice, or the PESEL or birth date is not well-formed', () => {
    const attribute = /<saml2:Attribute FriendlyName="DateOfBirth"[\s\S]*?<\/saml2:Attribute>/;
    expect(refusal(() => read(answer({ transformAssertion: (xml) => xml.replace(attribute, '') })))).toBe('malformed');
    expect(refusal(() => read(answer({ transformAssertion: (xml) => xml.replace(attribute, (match) => match + match) })))).toBe(
      'malformed',
    );
    expect(refusal(() => read(answer({ person: { ...person, pesel: '4405140145' } })))).toBe('malformed');
    expect(refusal(() => read(answer({ person: { ...person, birthDate: '1944-02-30' } })))).toBe('malformed');
  });

  it('are refused when the assertion names no audience at all, or a second audience restriction excludes us', () => {
    const restriction = /<saml2:AudienceRestriction>[\s\S]*?<\/saml2:AudienceRestriction>/;
    expect(refusal(() => read(answer({ transformAssertion: (xml) => xml.replace(restriction, '') })))).toBe('audience');
    const second = '<saml2:AudienceRestriction><saml2:Audience>https://other.example</saml2:Audience></saml2:AudienceRestriction>';
    expect(refusal(() => read(answer({ transformAssertion: (xml) => xml.replace(restriction, (match) => match + second) })))).toBe(
      'audience',
    );
  });
});

describe('hostile or wrong answers are refused', () => {
  it('for another audience', () => {
    expect(refusal(() => read(answer({ spEntityId: 'https://other.example' })))).toBe('audience');
  });

  it('when expired or not yet valid', () => {
    const soap = answer();
    expect(refusal(() => read(soap, { now: new Date(now.getTime() + 31 * 60_000) }))).toBe('expired');
    expect(refusal(() => read(soap, { now: new Date(now.getTime() - 2 * 60_000) }))).toBe('not_yet_valid');
  });

  it('from another issuer, even when signed by the configured key', () => {
    expect(refusal(() => read(answer({ nodeEntityId: 'evil.example' })))).toBe('issuer');
  });

  it('signed by another key, whose certificate it embeds', () => {
    const other = generateP256KeyPair('WK_SIG_EC');
    expect(refusal(() => read(answer({ nodeSigningKeyPem: other.privateKeyPem, nodeSigningCertPem: other.certificatePem })))).toBe(
      'signature',
    );
  });

  it('tampered anywhere that is signed', () => {
    const soap = answer();
    const cipherValue = /<xenc:CipherValue>([^<]{40})/.exec(soap)![1]!;
    const flipped = cipherValue.slice(0, 20) + (cipherValue[20] === 'A' ? 'B' : 'A') + cipherValue.slice(21);
    expect(refusal(() => read(soap.replace(cipherValue, flipped)))).toBe('signature');
    expect(refusal(() => read(soap.replace('Version="2.0"><saml2:Issuer>', 'Version="2.0" Consent="x"><saml2:Issuer>')))).toBe('signature');
  });

  it('encrypted to another key', () => {
    expect(refusal(() => read(answer({ spEncryptionCertPem: generateP256KeyPair('other service').certificatePem })))).toBe('decryption');
  });

  it('unsigned, or with only one of the two signatures', () => {
    const soap = answer();
    const signatures = [...soap.matchAll(/<ds:Signature>[\s\S]*?<\/ds:Signature>/g)].map((match) => match[0]);
    expect(signatures).toHaveLength(2);
    expect(refusal(() => read(signatures.reduce((xml, signature) => xml.replace(signature, ''), soap)))).toBe('signature');
    expect(refusal(() => read(soap.replace(signatures[1]!, '')))).toBe('signature');
  });

  it('with a forged Response in place of the signed one, which is moved aside (signature wrapping)', () => {
    const soap = answer();
    const signedResponse = /<saml2p:Response [\s\S]*<\/saml2p:Response>/.exec(soap)![0];
    // Anyone can encrypt to the service's public certificate: the forgery decrypts fine.
    const forgedAssertion = buildSimulatedAssertion({
      ...answerOptions,
      person: { ...person, pesel: '02070803628' },
      assertionId: 'ID-forged',
    });
    const forged = signedResponse
      .replace(/ID="[^"]+"/, 'ID="ID-forged-response"')
      .replace(/<ds:Signature>[\s\S]*<\/ds:Signature>/, '')
      .replace(
        /<saml2:EncryptedAssertion>[\s\S]*<\/saml2:EncryptedAssertion>/,
        encryptAssertion(forgedAssertion, spEncryption.certificatePem, NODE, SP, { declareNamespaces: false }),
      );
    const declarations = [...soap.matchAll(/xmlns:(?!soap)[\w-]+="[^"]*"/g)].map((match) => match[0]).join(' ');
    const movedAside = signedResponse.replace('<saml2p:Response ', `<saml2p:Response ${declarations} `);
    const wrappedInHeader = soap
      .replace(signedResponse, forged)
      .replace('<soap:Body>', `<soap:Header>${movedAside}</soap:Header><soap:Body>`);
    expect(refusal(() => read(wrappedInHeader))).toBe('signature');
    const besides = soap.replace(signedResponse, `${forged}${signedResponse}`);
    expect(refusal(() => read(besides))).toBe('signature');
    const inside = soap.replace('</saml2p:Status><saml2:EncryptedAssertion>', `</saml2p:Status>${forged}<saml2:EncryptedAssertion>`);
    expect(refusal(() => read(inside))).toBe('signature');
  });

  it('with a second element carrying the signed ID', () => {
    const soap = answer();
    const outerId = /<saml2p:ArtifactResponse [^>]*ID="([^"]+)"/.exec(soap)![1]!;
    const duplicated = soap.replace('<soap:Body>', `<soap:Header><x ID="${outerId}"/></soap:Header><soap:Body>`);
    expect(refusal(() => read(duplicated))).toBe('signature');
  });

  it('answering another request or another resolve', () => {
    expect(refusal(() => read(answer(), { expectedRequestId: 'ID-request-2' }))).toBe('in_response_to');
    expect(refusal(() => read(answer(), { artifactResolveId: 'ID-resolve-2' }))).toBe('in_response_to');
  });

  it('for another ACS', () => {
    expect(refusal(() => read(answer({ acsUrl: 'https://evil.example/acs' })))).toBe('recipient');
    expect(refusal(() => read(answer({ destination: 'https://evil.example/acs' })))).toBe('destination');
    expect(read(answer({ destination: ACS })).pesel).toBe(person.pesel);
  });

  it('when the person cancelled, or the node failed', () => {
    expect(refusal(() => read(answer({ status: { code: STATUS.responder, subCode: STATUS.authnFailed } })))).toBe('cancelled');
    expect(refusal(() => read(answer({ status: { code: STATUS.requester, subCode: STATUS.requestDenied } })))).toBe('cancelled');
    expect(refusal(() => read(answer({ status: { code: STATUS.responder } })))).toBe('status');
  });

  it('below the level of assurance requested', () => {
    expect(refusal(() => read(answer({ loa: 'low' }), { minimumLoa: 'substantial' }))).toBe('loa');
    expect(read(answer({ loa: 'high' }), { minimumLoa: 'substantial' }).loa).toBe('high');
  });

  it('with a DOCTYPE or entity, too large, or not XML', () => {
    const soap = answer();
    expect(refusal(() => read(`<!DOCTYPE x [<!ENTITY a "b">]>${soap.replace(/^<\?xml[^>]*>\n/, '')}`))).toBe('doctype');
    expect(refusal(() => read(soap.replace('<soap:Body>', '<soap:Body><!ENTITY x "y">')))).toBe('doctype');
    expect(refusal(() => read(soap, { maxBytes: 4096 }))).toBe('too_large');
    expect(refusal(() => read(`${soap}${' '.repeat(300 * 1024)}`))).toBe('too_large');
    expect(refusal(() => read(soap.slice(0, -20)))).toBe('malformed');
    expect(refusal(() => read(soap.replace('<soap:Body>', '<soap:Body><?evil x?>')))).toBe('malformed');
    // xml-crypto's canonicalisation skips any attribute named xmlns…, so one that is not a declaration is refused.
    expect(refusal(() => read(soap.replace('<saml2p:Status>', '<saml2p:Status xmlnsX="unsigned">')))).toBe('malformed');
  });
});
