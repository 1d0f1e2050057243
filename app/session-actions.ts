'use server';

import { signOut } from '@/lib/auth/auth';
import { findCaller, postAction } from '@/lib/web/action';

// The session's own actions, shared by the patient's and the staff's pages.

/**
 * "Stay signed in": any request of a live session records activity (lib/auth/sessions.ts), so
 * this only has to look the session up. Says whether it still lives. It takes an (empty) form so
 * that it is posted as multipart like every other action: proxy.ts refuses any other body.
 */
export async function staySignedInAction(_form: FormData): Promise<boolean> {
  return (await findCaller('signed-in')) !== undefined;
}

/** Signing out needs no check: without a session it only clears the cookie. */
export const signOutAction = postAction('anyone', async () => {
  await signOut({ redirectTo: '/login' });
});
