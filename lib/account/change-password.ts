// A signed-in patient changes their password: the current one first, the new one under the same
// policy as activation; every other session ends and the account's address gets a notice.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { accountTokens, patients, webAccounts } from '@/db/schema';
import { checkPasswordOnServer } from '@/lib/auth/password-check';
import { hashPassword } from '@/lib/auth/password-hash';
import { mailQueued } from '@/lib/mail/mail-worker';
import { enqueueEmail } from '@/lib/mail/outbox';
import type { PasswordRule } from '@/lib/password-policy';
import { checkCurrentPassword } from './current-password';
import { renderPasswordChangedEmail } from './emails';
import { endOtherSessions } from './sessions';
import { queueSmsNotice } from '@/lib/sms/notices';
import { readSignedInAccount } from './signed-in-account';

export interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  repeat: string;
  ip: string | null;
  /** This browser's session, which stays signed in. */
  keepSession?: string;
}

export type ChangePasswordOutcome =
  | { status: 'changed'; login: string; reissueSession: boolean }
  | { status: 'invalid'; wrongCurrent: boolean; broken: PasswordRule[] }
  | { status: 'limited'; retryAfterSeconds: number }
  | { status: 'gone' };

export async function changePassword(
  db: Db,
  accountId: string,
  input: ChangePasswordInput,
  now = new Date(),
): Promise<ChangePasswordOutcome> {
  const account = await readSignedInAccount(db, accountId, {
    login: webAccounts.login,
    email: webAccounts.email,
    locale: webAccounts.locale,
    pesel: patients.pesel,
    firstName: patients.firstName,
  });
  if (!account) return { status: 'gone' };

  // Every problem is reported at once: the rules of the new password and the current password.
  const broken = checkPasswordOnServer(input.password, { login: account.login, pesel: account.pesel, repeat: input.repeat });
  const current = await checkCurrentPassword(db, accountId, input.currentPassword, input.ip);
  if (!current.ok && current.reason === 'limited') return { status: 'limited', retryAfterSeconds: current.retryAfterSeconds };
  if (!current.ok || broken.length > 0) return { status: 'invalid', wrongCurrent: !current.ok, broken };

  const [passwordHash, notice] = await Promise.all([
    hashPassword(input.password),
    renderPasswordChangedEmail({ firstName: account.firstName, changedAt: now, locale: account.locale }),
  ]);
  const ended = await db.transaction(async (tx) => {
    await tx.update(webAccounts).set({ passwordHash, passwordChangedAt: now }).where(eq(webAccounts.id, accountId));
    // A reset link asked for earlier must not undo this change.
    await tx
      .update(accountTokens)
      .set({ supersededAt: now })
      .where(
        and(
          eq(accountTokens.accountId, accountId),
          eq(accountTokens.purpose, 'password_reset'),
          isNull(accountTokens.usedAt),
          isNull(accountTokens.supersededAt),
        ),
      );
    const result = await endOtherSessions(tx, accountId, { accountId, sid: input.keepSession });
    await enqueueEmail(tx, { ...notice, recipient: account.email, accountId });
    await queueSmsNotice(tx, accountId, 'passwordChanged', now);
    return result;
  });
  mailQueued();
  return { status: 'changed', login: account.login, reissueSession: ended.reissueCurrent };
}
