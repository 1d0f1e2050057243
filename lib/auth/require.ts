// Sending a signed-out (or timed-out) user to the sign-in page, with the reason and the way back.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentSession } from './auth';

/** `/login?reason=idle&next=/admin/...`: the message says why; after sign-in the user returns. */
export async function redirectToSignIn(): Promise<never> {
  const { ended } = await currentSession();
  const path = (await headers()).get('x-request-path');
  const query = new URLSearchParams();
  if (ended) query.set('reason', ended);
  if (path && path.startsWith('/') && !path.startsWith('//') && path.length <= 512) query.set('next', path);
  const search = query.toString();
  redirect(search ? `/login?${search}` : '/login');
}
