import { ActionButton } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import { isUntilLifted, type SignInLock } from '@/lib/staff/sign-in-locks';
import { liftSignInLockAction } from './actions';

const t = pl.admin.detail;

/** The lock of sign-in by password after many failures, and the button that lifts it. */
export function SignInLockNotice({ accountId, lock }: { accountId: string; lock: SignInLock }) {
  return (
    <section aria-labelledby="signin-lock" data-signin-lock className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3">
      <p id="signin-lock" className="mb-2 font-semibold">
        {t.signInLocked(isUntilLifted(lock.lockedUntil) ? null : formatDateTime(lock.lockedUntil), lock.failures)}
      </p>
      <ActionButton action={liftSignInLockAction} fields={{ accountId }}>
        {t.liftSignInLock}
      </ActionButton>
    </section>
  );
}
