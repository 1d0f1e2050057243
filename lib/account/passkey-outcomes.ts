// What managing one's own passkeys can end in, as codes: passkeys.ts returns them, the
// catalogues word the refusals. A module of its own so the catalogues need not import the use case.
import type { RegistrationResult, RemoveResult } from '@/lib/webauthn/outcomes';

/** `gone`: the account can no longer act (blocked, disabled, deleted meanwhile). */
export type AddPasskeyOutcome = RegistrationResult | { ok: false; reason: 'gone' };
export type AddPasskeyRefusal = Extract<AddPasskeyOutcome, { ok: false }>['reason'];
export type RemovePasskeyRefusal = Extract<RemoveResult, { ok: false }>['reason'];
