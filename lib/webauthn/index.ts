// Passkeys (WebAuthn, SPEC §19) on the server: challenges, registration, sign-in, the owner's list.
export { issueChallenge, spendChallenge } from './challenges';
export {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  hasPasskey,
  listPasskeys,
  passkeyName,
  removePasskey,
  startPasskeyRegistration,
  startPasskeySignIn,
  userHandle,
  type PasskeyOwner,
  type PasskeySummary,
  type StartedCeremony,
} from './passkeys';
export type { RemoveResult } from './outcomes';
export { relyingParty } from './relying-party';
