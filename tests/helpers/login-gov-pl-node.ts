// The node's side for the integration tests of login.gov.pl: played in-process by the protocol
// library's simulated node (signing and encrypting as the real one), answering the service's own
// signed ArtifactResolve and LogoutRequest.
import { expect } from 'vitest';
import { generateP256KeyPair } from '@/lib/login-gov-pl';
import { STATUS } from '@/lib/login-gov-pl/messages';
import {
  createArtifact,
  readArtifactResolve,
  readLogoutRequest,
  simulateArtifactResponse,
  simulateLogoutResponse,
  type SimulatedPerson,
} from '@/lib/login-gov-pl/simulated-node';
import type { WkConfig } from '@/lib/wk/config';
import type { SoapTransport } from '@/lib/wk/identity-node';

const node = generateP256KeyPair('WK_SIG_EC test');
const signing = generateP256KeyPair('service signing');
const encryption = generateP256KeyPair('service encryption');
export const NODE_ID = 'https://node.test.login.gov.pl';

export const config: WkConfig = {
  ssoUrl: 'https://node.test.login.gov.pl/sso',
  artifactUrl: 'https://node.test.login.gov.pl/artifact',
  logoutUrl: null,
  idpEntityId: NODE_ID,
  idpCert: node.certificatePem,
  spEntityId: 'https://e-rejestracja.test',
  acsUrl: 'https://e-rejestracja.test/api/wk/acs',
  signingKey: signing.privateKeyPem,
  signingCert: signing.certificatePem,
  encryptionKey: encryption.privateKeyPem,
  encryptionCert: encryption.certificatePem,
  loa: 'substantial',
  simulator: null,
};

/** The same service with the node's single logout service configured. */
export const configWithLogout: WkConfig = { ...config, logoutUrl: 'https://node.test.login.gov.pl/slo' };

/**
 * The node's side: artifacts it handed out, answered once each, as the real node does, and the
 * service's LogoutRequests (verified, recorded, answered with `logoutStatus`, Success by default).
 */
export function playNode(options: { logoutStatus?: string } = {}) {
  const issued = new Map<
    string,
    { requestId: string; person: SimulatedPerson | null; tweak?: Partial<Parameters<typeof simulateArtifactResponse>[0]> }
  >();
  const logouts: ReturnType<typeof readLogoutRequest>[] = [];
  const transport: SoapTransport = async (url, body) => {
    if (url === configWithLogout.logoutUrl) {
      const logout = readLogoutRequest(body, config.signingCert); // our request is signed
      logouts.push(logout);
      return simulateLogoutResponse({
        nodeEntityId: NODE_ID,
        nodeSigningKeyPem: node.privateKeyPem,
        nodeSigningCertPem: node.certificatePem,
        logoutRequestId: logout.id,
        now: new Date(),
        statusCode: options.logoutStatus,
      });
    }
    expect(url).toBe(config.artifactUrl);
    const resolve = readArtifactResolve(body, config.signingCert); // our request is signed
    const entry = issued.get(resolve.artifact);
    if (!entry) throw new Error('unknown artifact');
    return simulateArtifactResponse({
      nodeEntityId: NODE_ID,
      nodeSigningKeyPem: node.privateKeyPem,
      nodeSigningCertPem: node.certificatePem,
      spEntityId: resolve.issuer,
      acsUrl: config.acsUrl,
      spEncryptionCertPem: config.encryptionCert,
      requestId: entry.requestId,
      artifactResolveId: resolve.id,
      person: entry.person ?? { pesel: '00000000000', firstName: '', lastName: '', birthDate: '2000-01-01' },
      now: new Date(),
      authenticatingAuthority: 'mObywatel',
      ...(entry.person ? {} : { status: { code: STATUS.responder, subCode: STATUS.authnFailed } }),
      ...entry.tweak,
    });
  };
  const answer = (
    requestId: string,
    who: SimulatedPerson | null,
    tweak?: (typeof issued extends Map<string, infer V> ? V : never)['tweak'],
  ) => {
    const artifact = createArtifact(NODE_ID);
    issued.set(artifact, { requestId, person: who, tweak });
    return artifact;
  };
  return { transport, answer, logouts };
}

/** How the node names a person: names in lower case, as the integration environment does. */
export const asNode = (data: { pesel: string | null; firstName: string; lastName: string; birthDate: string }): SimulatedPerson => ({
  pesel: data.pesel!,
  firstName: data.firstName.toLowerCase(),
  lastName: data.lastName.toLowerCase(),
  birthDate: data.birthDate,
});
