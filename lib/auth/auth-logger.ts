// Auth.js's own logger, through pino: one JSON line per event, like the rest of the app. Its
// default prints multi-line `[auth][error]` stack traces even for a wrong sign-in, which under a
// password-guessing attack would flood the log with noise that hides real errors.
import type { NextAuthConfig } from 'next-auth';
import { logError, logger, logInfo, logWarn } from '@/lib/log';

// Refusals of a client's request: the answer to it, not a fault of ours — among them a session
// cookie that does not decrypt (forged, cut, or made with another AUTH_SECRET). Compared by type
// name: the error classes may come from another copy of @auth/core than an import here would.
const REFUSED_REQUESTS = new Set(['MissingCSRF', 'UnknownAction', 'InvalidCallbackUrl', 'InvalidProvider', 'JWTSessionError']);

function authErrorType(error: Error): string {
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : error.name;
}

export const authLogger: NonNullable<NextAuthConfig['logger']> = {
  error(error: Error) {
    const type = authErrorType(error);
    // A ticket that does not verify: an expected outcome, logged without its stack.
    if (type === 'CredentialsSignin') return logInfo('auth sign-in refused', { type });
    if (REFUSED_REQUESTS.has(type)) return logWarn('auth request refused', { type });
    // Auth.js wraps what failed inside it (a callback's database error) as `cause.err`.
    const cause = (error as { cause?: unknown }).cause;
    const inner = cause && typeof cause === 'object' && 'err' in cause && cause.err instanceof Error ? cause.err : error;
    logError('auth error', inner, { type });
  },
  warn(code: string) {
    logWarn('auth warning', { code });
  },
  debug(message: string) {
    // Debug metadata may hold tokens and user data: only the message, and only at debug level.
    logger.debug({ event: 'auth debug', message });
  },
};
