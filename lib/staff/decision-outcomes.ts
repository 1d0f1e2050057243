// What the desk's decisions about an account can end in, as codes: verification-decisions.ts and
// sign-in-locks.ts return them, the catalogues and the account detail page word them. A module of
// its own so the catalogues need not import the use cases.

export type DecisionResult = { ok: true } | { ok: false; error: 'not_found' | 'state' | 'reason' | 'document' };

export type LiftResult = { ok: true } | { ok: false; error: 'forbidden' | 'not_found' | 'not_locked' };
