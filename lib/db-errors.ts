// Recognises PostgreSQL errors through the wrappers of drizzle, postgres.js and PGlite.

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  cause?: unknown;
}

/** The name of the unique constraint a failed statement violated, or null for other errors. */
export function uniqueViolation(error: unknown): string | null {
  for (let e = error as PgErrorLike | undefined, depth = 0; e && depth < 5; e = e.cause as PgErrorLike, depth++) {
    if (e.code === '23505') {
      const name = e.constraint_name ?? e.constraint;
      return typeof name === 'string' ? name : 'unknown';
    }
  }
  return null;
}
