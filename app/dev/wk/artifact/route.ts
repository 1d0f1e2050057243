// The simulator's artifact resolution service: the service's signed ArtifactResolve in, the
// node's signed and encrypted answer out, once per artifact.
import { isWkRefusal } from '@/lib/login-gov-pl';
import { STATUS } from '@/lib/login-gov-pl/messages';
import { readArtifactResolve, simulateArtifactResponse } from '@/lib/login-gov-pl/simulated-node';
import { SIMULATOR_ENTITY_ID, wkConfig } from '@/lib/wk/config';
import { takeArtifact } from '@/lib/wk/simulator';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const config = wkConfig();
  if (!config?.simulator) return new Response('Not Found', { status: 404 });
  let resolve;
  try {
    resolve = readArtifactResolve(await request.text(), config.signingCert);
  } catch (error) {
    if (isWkRefusal(error)) return new Response(`Bad Request: ${error.reason}`, { status: 400 });
    throw error;
  }
  const issued = takeArtifact(resolve.artifact);
  if (!issued) return new Response('Bad Request: unknown artifact', { status: 400 });
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
}
