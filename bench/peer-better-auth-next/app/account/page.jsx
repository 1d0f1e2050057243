import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '../../lib/auth';

/** Where a sign-in lands (the bench stops at the 303 that leads here). */
export default async function AccountPage() {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) redirect('/sign-in');
  return (
    <main>
      <h1>Witaj, {session.user.name}</h1>
    </main>
  );
}
