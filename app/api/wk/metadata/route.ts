// The service's SAML metadata for login.gov.pl's operator (SPEC §17): entity ID, the ACS with the
// Artifact binding, the signing and encryption certificates. 404 when not connected.
import { spMetadata } from '@/lib/login-gov-pl';
import { wkConfig } from '@/lib/wk/config';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  const config = wkConfig();
  if (!config) return new Response('Not Found', { status: 404 });
  const xml = spMetadata({
    entityId: config.spEntityId,
    acsUrl: config.acsUrl,
    signingCertPem: config.signingCert,
    encryptionCertPem: config.encryptionCert,
  });
  return new Response(xml, { headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8', 'cache-control': 'no-store' } });
}
