// What the accessibility statement (/dostepnosc) and the RODO information clause (/prywatnosc)
// say about this deployment: the controller, the contacts, the dates and the retention periods
// the code actually applies (lib/retention/retention.ts), from configuration (lib/env.ts).
import { env as processEnv, type Env } from '@/lib/env';

export interface LegalConfig {
  /** The site the statement covers (APP_URL). */
  siteUrl: string;
  controller: { name: string; address: string };
  dpoEmail: string;
  /** The email provider named as a processor, or null for a generic description. */
  mailProcessor: string | null;
  accessibility: {
    contact: { name: string; email: string; phone: string | null };
    /** ISO days (YYYY-MM-DD). */
    sitePublished: string;
    siteUpdated: string;
    statementDate: string;
    lastCheck: string;
    status: 'partial' | 'full';
    /** The facility's own list of non-accessible content (as written), or null for the built-in one. */
    nonCompliant: string[] | null;
    /** The facility's own description of the desk's architectural accessibility, or null. */
    deskAccess: string | null;
    /** Sign language interpreting, induction loop…; null when the facility says nothing. */
    signLanguage: string | null;
  };
  desk: { name: string; facility: string; address: string; hours: string };
  retention: { unactivatedDays: number; blockedAttemptsDays: number; expiredLinkDays: number; outboxBodyDays: number };
  sessions: { idleMinutes: number };
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

export function legalConfig(env: Env = processEnv): LegalConfig {
  const statementDate = env.A11Y_STATEMENT_DATE ?? env.A11Y_SITE_UPDATED ?? env.A11Y_SITE_PUBLISHED;
  const items = env.A11Y_NONCOMPLIANT.split('|')
    .map((item) => item.trim())
    .filter(Boolean);
  return {
    siteUrl: env.APP_URL,
    controller: { name: env.LEGAL_CONTROLLER_NAME.trim(), address: (env.LEGAL_CONTROLLER_ADDRESS ?? env.FACILITY_ADDRESS).trim() },
    dpoEmail: env.LEGAL_DPO_EMAIL,
    mailProcessor: orNull(env.LEGAL_MAIL_PROCESSOR),
    accessibility: {
      contact: {
        name: env.A11Y_CONTACT_NAME.trim(),
        email: env.A11Y_CONTACT_EMAIL,
        phone: orNull(env.A11Y_CONTACT_PHONE ?? env.FACILITY_PHONE),
      },
      sitePublished: env.A11Y_SITE_PUBLISHED,
      siteUpdated: env.A11Y_SITE_UPDATED ?? env.A11Y_SITE_PUBLISHED,
      statementDate,
      lastCheck: env.A11Y_LAST_CHECK ?? statementDate,
      status: env.A11Y_STATUS,
      nonCompliant: items.length > 0 ? items : null,
      deskAccess: orNull(env.A11Y_DESK_ACCESS),
      signLanguage: orNull(env.A11Y_SIGN_LANGUAGE),
    },
    desk: { name: env.FACILITY_DESK_NAME, facility: env.FACILITY_NAME, address: env.FACILITY_ADDRESS, hours: env.FACILITY_HOURS },
    retention: {
      unactivatedDays: env.RETENTION_UNACTIVATED_DAYS,
      blockedAttemptsDays: env.RETENTION_BLOCKED_ATTEMPTS_DAYS,
      expiredLinkDays: env.RETENTION_EXPIRED_LINK_DAYS,
      outboxBodyDays: env.RETENTION_OUTBOX_BODY_DAYS,
    },
    sessions: { idleMinutes: env.SESSION_IDLE_MINUTES_PATIENT },
  };
}
