import { describe, expect, it } from 'vitest';
import { generateP256KeyPair, readLogoutResponse } from '@/lib/login-gov-pl';
import { STATUS } from '@/lib/login-gov-pl/messages';
import { simulateArtifactResponse, simulateLogoutResponse } from '@/lib/login-gov-pl/simulated-node';

const node = generateP256KeyPair('WK_SIG_EC unit');
const NODE_ID = 'https://node.example';
const answer = (overrides: Partial<Parameters<typeof simulateLogoutResponse>[0]> = {}) =>
  simulateLogoutResponse({
    nodeEntityId: NODE_ID,
    nodeSigningKeyPem: node.privateKeyPem,
    nodeSigningCertPem: node.certificatePem,
    logoutRequestId: 'ID-logout-1',
    now: new Date(),
    ...overrides,
  });
const read =
  (xml: string, logoutRequestId = 'ID-logout-1') =>
  () =>
    readLogoutResponse(xml, { idpCert: node.certificatePem, idpEntityId: NODE_ID, logoutRequestId });

describe('readLogoutResponse', () => {
  it('accepts the node’s signed Success to our own request', () => {
    expect(read(answer())).not.toThrow();
  });

  it('refuses another status, another request, another issuer, another key and a changed byte', () => {
    expect(read(answer({ statusCode: STATUS.requester }))).toThrow(expect.objectContaining({ reason: 'status' }));
    expect(read(answer(), 'ID-logout-2')).toThrow(expect.objectContaining({ reason: 'in_response_to' }));
    expect(read(answer({ nodeEntityId: 'https://another.node' }))).toThrow(expect.objectContaining({ reason: 'issuer' }));
    const other = generateP256KeyPair('someone else');
    expect(read(answer({ nodeSigningKeyPem: other.privateKeyPem, nodeSigningCertPem: other.certificatePem }))).toThrow(
      expect.objectContaining({ reason: 'signature' }),
    );
    expect(read(answer().replace('ID-logout-1', 'ID-logout-2'), 'ID-logout-2')).toThrow(expect.objectContaining({ reason: 'signature' }));
  });

  it('refuses a message that is not a LogoutResponse, even one the node signed', () => {
    const artifactResponse = simulateArtifactResponse({
      nodeEntityId: NODE_ID,
      nodeSigningKeyPem: node.privateKeyPem,
      nodeSigningCertPem: node.certificatePem,
      spEntityId: 'https://sp.example',
      acsUrl: 'https://sp.example/acs',
      spEncryptionCertPem: node.certificatePem,
      requestId: 'ID-logout-1',
      person: { pesel: '44051401359', firstName: 'jan', lastName: 'kowalski', birthDate: '1944-05-14' },
      now: new Date(),
    });
    expect(read(artifactResponse)).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(read('<x/>')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });
});
