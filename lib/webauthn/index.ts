// Passkeys (WebAuthn, SPEC §19) on the server: challenges, registration, sign-in, the owner's list.
export { CHALLENGE_TTL_MS, issueChallenge, spendChallenge, type IssuedChallenge } from './challenges';
export { passkeyEvents, recordPasskeyEvent, type PasskeyEvent } from './events';
export {
  amrOf,
  countPasskeys,
  finishPasskeyRegistration,
  finishPasskeySignIn,
  hasPasskey,
  listPasskeys,
  passkeyName,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
  userHandle,
  type PasskeyAmr,
  type PasskeyOwner,
  type PasskeySummary,
  type SignInResult,
  type StartedCeremony,
} from './passkeys';
export type { RemoveResult } from './outcomes';
export { relyingParty, staffAaguids, type RelyingParty } from './relying-party';
export { parseAuthenticationResponse, parseRegistrationResponse } from './responses';
