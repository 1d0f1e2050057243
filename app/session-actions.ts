'use server';

import { currentSession } from '@/lib/auth/auth';

/**
 * "Stay signed in": any request of a live session records activity (lib/auth/sessions.ts), so
 * this only has to look the session up. Says whether it still lives.
 */
export async function staySignedInAction(): Promise<boolean> {
  return (await currentSession()).principal !== null;
}
