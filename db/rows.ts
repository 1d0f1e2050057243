// The rows of a `db.execute(sql…)`: postgres.js returns the rows themselves, PGlite an object holding them.
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));
