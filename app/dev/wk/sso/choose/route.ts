// The simulator: the developer picked a person (or cancelled); back to the service's ACS with an artifact.
import { createArtifact } from '@/lib/login-gov-pl/simulated-node';
import { SIMULATOR_ENTITY_ID } from '@/lib/wk/config';
import { SIMULATOR_PEOPLE, issueArtifact } from '@/lib/wk/simulator';
import { badRequest, formTexts, simulatorPost } from '../../simulator-route';

export const dynamic = 'force-dynamic';

export const POST = simulatorPost(async (request) => {
  const form = await formTexts(request, 'session', 'person');
  if (!form) return badRequest();
  const person = form.person === 'cancel' ? null : (SIMULATOR_PEOPLE[Number(form.person)] ?? null);
  if (form.person !== 'cancel' && !person) return badRequest();
  const artifact = createArtifact(SIMULATOR_ENTITY_ID);
  const pending = issueArtifact(form.session, person, artifact);
  if (!pending) return badRequest('this sign-in was used already');
  const location = new URL(pending.acsUrl);
  location.searchParams.set('SAMLart', artifact);
  return new Response(null, { status: 303, headers: { location: location.toString() } });
});
