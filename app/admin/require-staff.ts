// Who opens a staff page. Every page asks again: the layout's own check only shapes the navigation,
// and Next renders a page beside its layout, not after it.
import { notFound } from 'next/navigation';
import { currentSession, currentStaff, type StaffPrincipal } from '@/lib/auth/auth';
import { redirectToSignIn } from '@/lib/auth/require';

/**
 * The staff member on the page. Signed out (or timed out): to the sign-in page and back. An
 * administrator's page shown to anyone else signed in: "not found", so it does not say it exists.
 */
export async function requireStaff(only?: 'admin'): Promise<StaffPrincipal> {
  const staff = await currentStaff(only ? [only] : undefined);
  if (staff) return staff;
  if (only && (await currentSession()).principal) notFound();
  return redirectToSignIn();
}
