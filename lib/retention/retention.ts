// Data retention (RODO art. 5(1)(e)): personal data kept no longer than needed. Run inside every
// app process (lib/startup.ts, every RETENTION_INTERVAL_HOURS) and by `npm run retention`; each
// run is one transaction, queued behind any other instance's run, and logs counts only.
//
//  - accounts never activated: deleted RETENTION_UNACTIVATED_DAYS (30) after registration or
//    after the last activation link sent, with their links, consents and emails, and the patient
//    record created for them when nothing else refers to it; the person may register again;
//  - blocked registration attempts: RETENTION_BLOCKED_ATTEMPTS_DAYS (30);
//  - spent captcha challenges: once expired (until then they stop replays);
//  - WebAuthn challenges never answered: once expired (counted with the single-use nonces);
//  - activation, reset and email-change links: RETENTION_EXPIRED_LINK_DAYS (7) after they
//    expire (meanwhile their page can still say "expired" rather than "unknown");
//  - bodies of sent emails: cleared after RETENTION_OUTBOX_BODY_DAYS (90), subject and status kept;
//  - rate-limit counters: once expired.
import { and, eq, exists, gte, inArray, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import { purgeExpiredThrottles } from '@/lib/security/account-throttle';
import type { Db } from '@/db/client';
import {
  accountTokens,
  blockedRegistrations,
  consents,
  emailChanges,
  emailOutbox,
  patientDataChanges,
  patients,
  authSessions,
  rateLimits,
  usedCaptchas,
  usedNonces,
  webauthnChallenges,
  wkRequests,
  webAccounts,
} from '@/db/schema';
import { env } from '@/lib/env';
import { logInfo } from '@/lib/log';

export interface RetentionConfig {
  unactivatedDays: number;
  blockedAttemptsDays: number;
  expiredLinkDays: number;
  outboxBodyDays: number;
}

function retentionConfig(): RetentionConfig {
  return {
    unactivatedDays: env.RETENTION_UNACTIVATED_DAYS,
    blockedAttemptsDays: env.RETENTION_BLOCKED_ATTEMPTS_DAYS,
    expiredLinkDays: env.RETENTION_EXPIRED_LINK_DAYS,
    outboxBodyDays: env.RETENTION_OUTBOX_BODY_DAYS,
  };
}

export interface RetentionCounts {
  unactivatedAccounts: number;
  patientRecords: number;
  links: number;
  blockedAttempts: number;
  captchas: number;
  /** Spent single-use values (sign-in nonces, identity-node artifacts, WebAuthn challenges) past their expiry. */
  nonces: number;
  /** login.gov.pl requests (and the identities held for a registration) a day past their expiry. */
  wkRequests: number;
  emailBodies: number;
  rateLimits: number;
  signinThrottles: number;
  sessions: number;
}

// Any constant works; it only has to be the same in every instance.
const RETENTION_LOCK = 727_003;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export async function runRetention(db: Db, config: RetentionConfig = retentionConfig(), now = new Date()): Promise<RetentionCounts> {
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK})`);
    // The consent history is append-only; this transaction is the one allowed to delete from it
    // (migration 0006's trigger), for accounts that never came to be.
    await tx.execute(sql`select set_config('erej.retention', 'on', true)`);

    const unactivated = daysBefore(now, config.unactivatedDays);
    const recentLink = tx
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.accountId, webAccounts.id),
          eq(accountTokens.purpose, 'activation'),
          gte(accountTokens.createdAt, unactivated),
        ),
      );
    const doomed = await tx
      .select({ id: webAccounts.id, patientId: webAccounts.patientId, attached: webAccounts.patientAttached })
      .from(webAccounts)
      .where(
        and(
          // Never activated: waiting for the link, or registered through login.gov.pl (verified
          // at once) and waiting for it. An account the desk verified is the desk's to keep.
          or(
            eq(webAccounts.status, 'pending_activation'),
            and(eq(webAccounts.status, 'verified'), eq(webAccounts.verificationMethod, 'login.gov.pl')),
          ),
          isNull(webAccounts.passwordHash),
          isNull(webAccounts.activatedAt),
          lt(webAccounts.createdAt, unactivated),
          notExists(recentLink),
        ),
      )
      .for('update', { skipLocked: true });
    let patientRecords = 0;
    if (doomed.length > 0) {
      const ids = doomed.map((a) => a.id);
      await tx.delete(consents).where(inArray(consents.accountId, ids));
      await tx.delete(emailOutbox).where(inArray(emailOutbox.accountId, ids));
      await tx.delete(webAccounts).where(inArray(webAccounts.id, ids));
      const created = doomed.filter((a) => a.attached === 0).map((a) => a.patientId);
      if (created.length > 0) {
        const referenced = (table: typeof webAccounts | typeof consents | typeof patientDataChanges) =>
          exists(
            tx
              .select({ one: sql`1` })
              .from(table)
              .where(eq(table.patientId, patients.id)),
          );
        const removed = await tx
          .delete(patients)
          .where(
            and(
              inArray(patients.id, created),
              eq(patients.source, 'registration'),
              sql`not ${or(referenced(webAccounts), referenced(consents), referenced(patientDataChanges))}`,
            ),
          )
          .returning({ id: patients.id });
        patientRecords = removed.length;
      }
    }

    const linksBefore = daysBefore(now, config.expiredLinkDays);
    const tokens = await tx.delete(accountTokens).where(lt(accountTokens.expiresAt, linksBefore)).returning({ id: accountTokens.id });
    const changes = await tx.delete(emailChanges).where(lt(emailChanges.expiresAt, linksBefore)).returning({ id: emailChanges.id });
    const blocked = await tx
      .delete(blockedRegistrations)
      .where(lt(blockedRegistrations.createdAt, daysBefore(now, config.blockedAttemptsDays)))
      .returning({ id: blockedRegistrations.id });
    const captchas = await tx.delete(usedCaptchas).where(lt(usedCaptchas.expiresAt, now)).returning({ nonce: usedCaptchas.nonce });
    const nonces = await tx.delete(usedNonces).where(lt(usedNonces.expiresAt, now)).returning({ nonce: usedNonces.nonce });
    const challenges = await tx
      .delete(webauthnChallenges)
      .where(lt(webauthnChallenges.expiresAt, now))
      .returning({ id: webauthnChallenges.id });
    const wk = await tx
      .delete(wkRequests)
      .where(lt(wkRequests.expiresAt, daysBefore(now, 1)))
      .returning({ id: wkRequests.id });
    const bodies = await tx
      .update(emailOutbox)
      .set({ html: '', text: '' })
      .where(
        and(
          eq(emailOutbox.status, 'sent'),
          sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt}) < ${daysBefore(now, config.outboxBodyDays).toISOString()}::timestamptz`,
          or(ne(emailOutbox.html, ''), ne(emailOutbox.text, '')),
        ),
      )
      .returning({ id: emailOutbox.id });
    const limits = await tx.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ key: rateLimits.key });
    const signinThrottles = await purgeExpiredThrottles(tx, now);
    // No session outlives a day of inactivity (the longest idle timeout allowed): a week is ample.
    const sessionsBefore = daysBefore(now, 7);
    const sessions = await tx
      .delete(authSessions)
      .where(or(lt(authSessions.endedAt, sessionsBefore), lt(authSessions.lastSeenAt, sessionsBefore)))
      .returning({ id: authSessions.id });

    return {
      unactivatedAccounts: doomed.length,
      patientRecords,
      links: tokens.length + changes.length,
      blockedAttempts: blocked.length,
      captchas: captchas.length,
      nonces: nonces.length + challenges.length,
      wkRequests: wk.length,
      emailBodies: bodies.length,
      rateLimits: limits.length,
      signinThrottles,
      sessions: sessions.length,
    } satisfies RetentionCounts;
  });
  logInfo('retention run', { ...counts });
  return counts;
}
