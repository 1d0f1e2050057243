// Passkeys (WebAuthn, SPEC §19) on the server: challenges, registration, sign-in, the owner's list.
export { issueChallenge, spendChallenge } from './challenges';
export { userHandle, type PasskeyOwner } from './owners';
export { hasPasskey, listPasskeys, removePasskey, type PasskeySummary } from './passkey-list';
export {
  finishPasskeyRegistration,
  finishPasskeySignIn,
  passkeyName,
  startPasskeyRegistration,
  startPasskeySignIn,
  type StartedCeremony,
} from './passkeys';
export type { RemoveResult } from './outcomes';
export { relyingParty } from './relying-party';
