// Passkeys (WebAuthn, SPEC §19) on the server: challenges, registration, sign-in, the owner's list.
export { CHALLENGE_TTL_MS, issueChallenge, spendChallenge, type IssuedChallenge } from './challenges';
export { passkeyEvents, recordPasskeyEvent, type PasskeyEvent } from './events';
export { userHandle, type PasskeyOwner } from './owners';
export { countPasskeys, hasPasskey, listPasskeys, removePasskey, type PasskeySummary, type RemoveResult } from './passkey-list';
export {
  amrOf,
  finishPasskeyRegistration,
  finishPasskeySignIn,
  passkeyName,
  startPasskeyRegistration,
  startPasskeySignIn,
  type PasskeyAmr,
  type RegistrationResult,
  type SignInResult,
  type StartedCeremony,
} from './passkeys';
export { relyingParty, staffAaguids, type RelyingParty } from './relying-party';
export { parseAuthenticationResponse, parseRegistrationResponse } from './responses';
