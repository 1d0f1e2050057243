// Structured logs (pino, JSON on stdout). Personal data never goes in: events carry ids and
// counts, errors are reduced to their class and code, and known personal fields are redacted
// should one slip into a log call.
import pino from 'pino';

const PERSONAL = ['pesel', 'email', 'phone', 'firstName', 'lastName', 'login', 'password', 'token', 'recipient', 'name', 'address'];

export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: undefined,
    redact: { paths: [...PERSONAL, ...PERSONAL.map((k) => `*.${k}`)], censor: '[redacted]' },
  },
  // Through process.stdout, so whatever captures the process's output (tests, a supervisor) sees it.
  process.stdout,
);

function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { err: { type: typeof error } };
  // Messages may quote data (a failed query's parameters, a constraint's key): keep only the
  // error's class, its database code and the stack frames.
  let code: string | undefined;
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 5 && !code; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') code = c;
  }
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 4);
  return { err: { type: error.name, code, frames } };
}

export function logError(event: string, error?: unknown, fields: Record<string, string | number | boolean> = {}): void {
  logger.error({ event, ...fields, ...(error === undefined ? {} : describe(error)) });
}

export function logWarn(event: string, fields: Record<string, string | number | boolean> = {}): void {
  logger.warn({ event, ...fields });
}

export function logInfo(event: string, fields: Record<string, string | number | boolean> = {}): void {
  logger.info({ event, ...fields });
}
