// The simulator: the developer picked a person (or cancelled); back to the service's ACS with an artifact.
import { createArtifact } from '@/lib/login-gov-pl/simulated-node';
import { SIMULATOR_ENTITY_ID, wkConfig } from '@/lib/wk/config';
import { SIMULATOR_PEOPLE, issueArtifact } from '@/lib/wk/simulator';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const config = wkConfig();
  if (!config?.simulator) return new Response('Not Found', { status: 404 });
  const form = await request.formData().catch(() => null);
  const session = form?.get('session');
  const choice = form?.get('person');
  if (typeof session !== 'string' || typeof choice !== 'string') return new Response('Bad Request', { status: 400 });
  const person = choice === 'cancel' ? null : (SIMULATOR_PEOPLE[Number(choice)] ?? null);
  if (choice !== 'cancel' && !person) return new Response('Bad Request', { status: 400 });
  const artifact = createArtifact(SIMULATOR_ENTITY_ID);
  const pending = issueArtifact(session, person, artifact);
  if (!pending) return new Response('Bad Request: this sign-in was used already', { status: 400 });
  const location = new URL(pending.acsUrl);
  location.searchParams.set('SAMLart', artifact);
  return new Response(null, { status: 303, headers: { location: location.toString() } });
}
