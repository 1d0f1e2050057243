// The signed-in patient for the pages and actions under /account: every one of them asks here
// and acts only on this account, whatever a form posts.
import { redirect } from 'next/navigation';
import { currentPatientId } from '@/lib/auth/auth';

/** The signed-in patient's account id; anyone else is sent to the login page. */
export async function requirePatient(): Promise<string> {
  const accountId = await currentPatientId();
  if (!accountId) redirect('/login');
  return accountId;
}

/** A text field of a form post, cut to `max` characters; anything else is empty. */
export const field = (formData: FormData, name: string, max: number): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

export const nextSubmission = (previous: unknown): number =>
  previous && typeof previous === 'object' && 'submission' in previous && typeof previous.submission === 'number' ? previous.submission + 1 : 1;
