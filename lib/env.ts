// Configuration, parsed once from the environment on first use (never at import time, so
// `next build` does not need production secrets).
import { z } from 'zod';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', '']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

// A calendar day as ISO 8601 (2026-11-01) that exists; legal pages print it in the reader's language.
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((v) => {
    const day = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
  }, 'not a real calendar date');
const blankIsUnset = z.literal('').transform(() => undefined);
const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

// An authenticator model's id (WebAuthn AAGUID), lower case.
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DEV_SECRET = 'development-only-secret-do-not-use-in-production-0000';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PGLITE_DIR: z.string().default('.data/pglite'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    APP_URL: z.url().default('http://localhost:3000'),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FROM: z.string().default('E-Rejestracja <no-reply@e-rejestracja.localhost>'),
    PASSWORD_POLICY: z.enum(['strong', 'length']).default('strong'),
    ACTIVATION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 14)
      .default(24),
    MAIL_INCLUDE_LOGIN: bool.default(false),
    MAIL_NOTIFY_VERIFIED: bool.default(true),
    NOTIFY_EMAIL_OWNER_ON_CONFLICT: bool.default(false),
    MAIL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    MAIL_CLAIM_MS: z.coerce.number().int().min(1000).max(3600_000).default(120_000),
    DEV_MAILBOX: bool.default(false),
    DEMO_SEED: bool.optional(),
    // Rate limits (attempts per window); see lib/security/rate-limit.ts.
    RATE_LIMIT_REGISTER_PER_IP_HOUR: z.coerce.number().int().positive().default(20),
    RATE_LIMIT_CAPTCHA_PER_IP_15MIN: z.coerce.number().int().positive().default(30),
    RATE_LIMIT_SIGNIN_FAILURES_PER_LOGIN: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_SIGNIN_BLOCK_MINUTES: z.coerce.number().int().positive().default(15),
    RATE_LIMIT_SIGNIN_FAILURES_PER_IP_DAY: z.coerce.number().int().positive().default(100),
    // Per account (any address; lib/security/account-throttle.ts): after DELAY_AFTER consecutive
    // failures each attempt waits 1 s, 2 s, 4 s … (at most DELAY_MAX_SECONDS) after the previous
    // one; after LOCK_AFTER (NIST SP 800-63B: at most 100) sign-in by password stops for
    // LOCK_HOURS. Failures are forgotten FORGET_DAYS after the last one.
    RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_AFTER: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_SIGNIN_ACCOUNT_DELAY_MAX_SECONDS: z.coerce.number().int().positive().max(86_400).default(900),
    RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_AFTER: z.coerce.number().int().positive().max(100).default(50),
    RATE_LIMIT_SIGNIN_ACCOUNT_LOCK_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24),
    RATE_LIMIT_SIGNIN_ACCOUNT_FORGET_DAYS: z.coerce.number().positive().max(365).default(30),
    RATE_LIMIT_LINKS_PER_ADDRESS_HOUR: z.coerce.number().int().positive().default(5),
    RATE_LIMIT_LINKS_PER_IP_HOUR: z.coerce.number().int().positive().default(20),
    // Operations (issue 14): /api/metrics is off (404) without a token; SIGTERM drains this long.
    METRICS_TOKEN: z
      .string()
      .min(16, 'METRICS_TOKEN must be at least 16 characters')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
    // Reverse proxies in front of the app whose X-Forwarded-For entries are trusted (lib/request.ts).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
    // Staff second factor: `required` (default in production) or `optional`.
    STAFF_MFA: z.enum(['required', 'optional']).optional(),
    // Key for TOTP secrets at rest (AES-256-GCM); derived from AUTH_SECRET with HKDF when unset.
    MFA_ENCRYPTION_KEY: z.string().min(32, 'MFA_ENCRYPTION_KEY must be at least 32 characters').optional(),
    RATE_LIMIT_MFA_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    // Passkeys (lib/webauthn): the authenticator models (AAGUIDs) staff may register; empty: any.
    WEBAUTHN_STAFF_AAGUIDS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(AAGUID, 'WEBAUTHN_STAFF_AAGUIDS lists AAGUIDs (UUIDs) separated by commas'))),
    // Sessions end after this much inactivity (minutes, fractions allowed) or this long after sign-in.
    SESSION_IDLE_MINUTES_STAFF: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    SESSION_IDLE_MINUTES_PATIENT: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS_STAFF: z.coerce
      .number()
      .positive()
      .max(24 * 7)
      .default(8),
    SESSION_MAX_HOURS_PATIENT: z.coerce
      .number()
      .positive()
      .max(24 * 7)
      .default(12),
    // Data retention (lib/retention/retention.ts): days kept, and hours between runs in the app
    // (0: only `npm run retention`).
    RETENTION_UNACTIVATED_DAYS: z.coerce.number().int().positive().default(30),
    RETENTION_BLOCKED_ATTEMPTS_DAYS: z.coerce.number().int().positive().default(30),
    RETENTION_EXPIRED_LINK_DAYS: z.coerce.number().int().min(0).default(7),
    RETENTION_OUTBOX_BODY_DAYS: z.coerce.number().int().positive().default(90),
    RETENTION_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 7)
      .default(6),
    FACILITY_NAME: z.string().default('SPZOZ w Łęcznej'),
    FACILITY_DESK_NAME: z.string().default('Punkt Rejestracji Pacjenta'),
    FACILITY_ADDRESS: z.string().default('ul. Krasnystawska 52, 21-010 Łęczna'),
    FACILITY_PHONE: z.string().default(''),
    FACILITY_HOURS: z.string().default('poniedziałek–piątek 7:30–18:00'),
    // Legal pages (/prywatnosc, /dostepnosc; lib/legal/config.ts). The example addresses are
    // placeholders a deployment must replace.
    LEGAL_CONTROLLER_NAME: z.string().min(1).default('Samodzielny Publiczny Zakład Opieki Zdrowotnej w Łęcznej'),
    LEGAL_CONTROLLER_ADDRESS: optionalText,
    LEGAL_DPO_EMAIL: z.email().default('iod@spzoz-leczna.example'),
    LEGAL_MAIL_PROCESSOR: z.string().default(''),
    A11Y_CONTACT_NAME: z.string().min(1).default('Koordynator do spraw dostępności'),
    A11Y_CONTACT_EMAIL: z.email().default('dostepnosc@spzoz-leczna.example'),
    A11Y_CONTACT_PHONE: optionalText,
    A11Y_SITE_PUBLISHED: isoDay.default('2026-11-01'),
    A11Y_SITE_UPDATED: isoDay.optional().or(blankIsUnset),
    A11Y_STATEMENT_DATE: isoDay.optional().or(blankIsUnset),
    A11Y_LAST_CHECK: isoDay.optional().or(blankIsUnset),
    A11Y_STATUS: z.enum(['partial', 'full']).default('partial'),
    A11Y_NONCOMPLIANT: z.string().default(''),
    A11Y_DESK_ACCESS: z.string().default(''),
    A11Y_SIGN_LANGUAGE: z.string().default(''),
    // login.gov.pl (SPEC §17; lib/wk/config.ts reads the keys, PEM text or a path to a PEM file).
    WK_SSO_URL: z.url().optional().or(blankIsUnset),
    WK_ARTIFACT_URL: z.url().optional().or(blankIsUnset),
    WK_LOGOUT_URL: z.url().optional().or(blankIsUnset),
    WK_IDP_ENTITY_ID: optionalText,
    WK_IDP_CERT: optionalText,
    WK_SP_ENTITY_ID: optionalText,
    WK_SP_SIGNING_KEY: optionalText,
    WK_SP_SIGNING_CERT: optionalText,
    WK_SP_ENCRYPTION_KEY: optionalText,
    WK_SP_ENCRYPTION_CERT: optionalText,
    WK_LOA: z.enum(['low', 'substantial', 'high']).default('substantial'),
    RATE_LIMIT_WK_PER_IP_15MIN: z.coerce.number().int().positive().default(60),
    // Starts of adding a passkey (a stored challenge each) per IP in 15 minutes.
    RATE_LIMIT_PASSKEY_PER_IP_15MIN: z.coerce.number().int().positive().default(300),
    // The built-in simulator of the node (development only): on by default when WK_SSO_URL is unset.
    WK_SIMULATOR: bool.optional(),
    // SMS through SMSAPI (SPEC §18). Without a token SMS stay in sms_outbox (the dev mailbox
    // shows them). The default URL is the Polish endpoint: the client's own is the international one.
    SMSAPI_TOKEN: optionalText,
    SMSAPI_URL: z
      .url()
      .optional()
      .or(blankIsUnset)
      .transform((v) => v ?? 'https://api.smsapi.pl'),
    // The registered sender name; SMSAPI allows at most 11 characters (unset: the account's default).
    // Notices that are not about security wait out these hours, Europe/Warsaw (`20-8`; empty: none).
    SMS_QUIET_HOURS: z
      .string()
      .default('20-8')
      .refine((v) => /^\s*$|^\s*\d{1,2}\s*-\s*\d{1,2}\s*$/.test(v), 'SMS_QUIET_HOURS is FROM-TO in whole hours (e.g. 20-8), or empty'),
    SMS_FROM: z
      .string()
      .trim()
      .max(11, 'SMS_FROM is a sender name of at most 11 characters')
      .optional()
      .transform((v) => v || undefined),
    // The last segment of the delivery-report address every send names as notify_url
    // (/api/sms/status/SECRET; lib/sms/delivery-reports.ts). Unset: no reports, and the path is a 404.
    SMS_STATUS_SECRET: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{32,256}$/,
        'SMS_STATUS_SECRET must be 32 to 256 characters of A-Z, a-z, 0-9, _ and - (e.g. `openssl rand -hex 32`)',
      )
      .optional()
      .or(blankIsUnset),
  })
  .transform((e, ctx) => {
    const production = e.NODE_ENV === 'production';
    if (production && !e.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is required in production' });
    }
    const wkRequired = [
      'WK_SSO_URL',
      'WK_ARTIFACT_URL',
      'WK_IDP_ENTITY_ID',
      'WK_IDP_CERT',
      'WK_SP_SIGNING_KEY',
      'WK_SP_SIGNING_CERT',
      'WK_SP_ENCRYPTION_KEY',
      'WK_SP_ENCRYPTION_CERT',
    ] as const;
    const wkGiven = wkRequired.filter((name) => e[name] !== undefined);
    if (wkGiven.length > 0 && wkGiven.length < wkRequired.length) {
      for (const name of wkRequired.filter((n) => e[n] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'required with the other WK_* variables (login.gov.pl)' });
      }
    }
    if (production && e.WK_SIMULATOR) {
      ctx.addIssue({ code: 'custom', path: ['WK_SIMULATOR'], message: 'the login.gov.pl simulator signs anyone in: never in production' });
    }
    // ISO days compare as text.
    if (e.A11Y_SITE_UPDATED && e.A11Y_SITE_UPDATED < e.A11Y_SITE_PUBLISHED) {
      ctx.addIssue({ code: 'custom', path: ['A11Y_SITE_UPDATED'], message: 'must not be before A11Y_SITE_PUBLISHED' });
    }
    return {
      ...e,
      AUTH_SECRET: e.AUTH_SECRET ?? DEV_SECRET,
      // The dev mailbox shows every email, so production needs an explicit opt-in.
      DEV_MAILBOX: production ? e.DEV_MAILBOX : true,
      DEMO_SEED: e.DEMO_SEED ?? (!production && !e.DATABASE_URL),
      APP_URL: e.APP_URL.replace(/\/+$/, ''),
      STAFF_MFA: e.STAFF_MFA ?? (production ? 'required' : 'optional'),
      WK_SP_ENTITY_ID: e.WK_SP_ENTITY_ID ?? e.APP_URL.replace(/\/+$/, ''),
      WK_SIMULATOR: !production && !e.WK_SSO_URL && (e.WK_SIMULATOR ?? true),
    };
  });

export type Env = z.output<typeof schema>;

export class ConfigurationError extends Error {}

let parsed: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`Invalid configuration: ${problems}`);
  }
  return result.data;
}

/** The process's configuration; parsed on first property access. */
export const env: Env = new Proxy({} as Env, {
  get(_target, key) {
    parsed ??= loadEnv();
    return parsed[key as keyof Env];
  },
});
