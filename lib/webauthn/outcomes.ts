// What adding and removing a passkey can end in, as codes: passkeys.ts returns them, the
// catalogues word them (through lib/account/passkey-outcomes.ts). A module of its own so the
// catalogues need not import the ceremonies.

export type RegistrationResult =
  { ok: true; passkeyId: string } | { ok: false; reason: 'challenge' | 'invalid' | 'not_allowed' | 'duplicate' };

export type RemoveResult = { ok: true } | { ok: false; reason: 'not_found' | 'last_factor' };
