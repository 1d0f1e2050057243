// The simulator's artifact resolution service: the service's signed ArtifactResolve in, the
// node's signed and encrypted answer out, once per artifact.
import { STATUS } from '@/lib/login-gov-pl/messages';
import { readArtifactResolve, simulateArtifactResponse } from '@/lib/login-gov-pl/simulated-node';
import { SIMULATOR_ENTITY_ID } from '@/lib/wk/config';
import { takeArtifact } from '@/lib/wk/simulator';
import { badRequest, simulatorPost } from '../simulator-route';

export const dynamic = 'force-dynamic';

export const POST = simulatorPost(async (request, config) => {
  const resolve = readArtifactResolve(await request.text(), config.signingCert);
  const issued = takeArtifact(resolve.artifact);
  if (!issued) return badRequest('unknown artifact');
  const xml = simulateArtifactResponse({
    nodeEntityId: SIMULATOR_ENTITY_ID,
    nodeSigningKeyPem: config.simulator.nodeKey,
    nodeSigningCertPem: config.simulator.nodeCert,
    spEntityId: resolve.issuer,
    acsUrl: issued.acsUrl,
    spEncryptionCertPem: config.encryptionCert,
    requestId: issued.requestId,
    artifactResolveId: resolve.id,
    person: issued.person ?? { pesel: '00000000000', firstName: '', lastName: '', birthDate: '2000-01-01' },
    loa: issued.loa,
    now: new Date(),
    ...(issued.person ? {} : { status: { code: STATUS.responder, subCode: STATUS.authnFailed } }),
  });
  return new Response(xml, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
});
