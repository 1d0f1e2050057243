// Who we are to an authenticator: the relying party is the portal's own address (APP_URL), so a
// passkey made here is offered only here and an assertion made for another site never verifies.
import { env } from '@/lib/env';
import { facility } from '@/lib/facility';

export interface RelyingParty {
  /** The RP ID: APP_URL's host name (no port). */
  id: string;
  /** The origin the browser names in clientDataJSON, e.g. https://rejestracja.example.pl. */
  origin: string;
  /** Shown by some authenticators next to the account. */
  name: string;
}

export function relyingParty(): RelyingParty {
  const url = new URL(env.APP_URL);
  return { id: url.hostname, origin: url.origin, name: facility().facilityName };
}

/** The authenticator models (lower-case AAGUIDs) staff may register; empty: any model. */
export function staffAaguids(): readonly string[] {
  return env.WEBAUTHN_STAFF_AAGUIDS;
}
