// Configuration, parsed once from the environment on first use (never at import time, so
// `next build` does not need production secrets).
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const DEV_SECRET = 'development-only-secret-do-not-use-in-production-0000';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
    PGLITE_DIR: z.string().default('.data/pglite'),
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    APP_URL: z.url().default('http://localhost:3000'),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: z.url().optional(),
    MAIL_FROM: z.string().default('E-Rejestracja <no-reply@e-rejestracja.localhost>'),
    PASSWORD_POLICY: z.enum(['strong', 'length']).default('strong'),
    ACTIVATION_TTL_HOURS: z.coerce.number().positive().max(24 * 14).default(24),
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
    RATE_LIMIT_LINKS_PER_ADDRESS_HOUR: z.coerce.number().int().positive().default(5),
    RATE_LIMIT_LINKS_PER_IP_HOUR: z.coerce.number().int().positive().default(20),
    // Operations (issue 14): /api/metrics is off (404) without a token; SIGTERM drains this long.
    METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
    FACILITY_NAME: z.string().default('SPZOZ w Łęcznej'),
    FACILITY_DESK_NAME: z.string().default('Punkt Rejestracji Pacjenta'),
    FACILITY_ADDRESS: z.string().default('ul. Krasnystawska 52, 21-010 Łęczna'),
    FACILITY_PHONE: z.string().default(''),
    FACILITY_HOURS: z.string().default('poniedziałek–piątek 7:30–18:00'),
  })
  .transform((e, ctx) => {
    const production = e.NODE_ENV === 'production';
    if (production && !e.AUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'AUTH_SECRET is required in production' });
    }
    return {
      ...e,
      AUTH_SECRET: e.AUTH_SECRET ?? DEV_SECRET,
      // The dev mailbox shows every email, so production needs an explicit opt-in.
      DEV_MAILBOX: production ? e.DEV_MAILBOX : true,
      DEMO_SEED: e.DEMO_SEED ?? (!production && !e.DATABASE_URL),
      APP_URL: e.APP_URL.replace(/\/+$/, ''),
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
